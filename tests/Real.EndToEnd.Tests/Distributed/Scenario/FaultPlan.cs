namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// Where a fault drill strikes, drawn from a seed so a failing trial can be repeated: SIGKILLs of services after
/// chosen rating batches (the intake always once, mid-stream), and optionally of the proposals service during its
/// GenerateProposals run and of the aggregation service during its RunAggregation, each after a short random delay.
/// </summary>
public sealed record FaultPlan(int Seed, IReadOnlyList<(int AfterBatch, string Service)> BatchKills, TimeSpan? KillProposalsAfter, TimeSpan? KillAggregationAfter)
{
    public static FaultPlan None { get; } = new(0, [], null, null);

    public static FaultPlan Draw(int seed, int kills, int batches)
    {
        var random = new Random(seed);
        var batchKills = new List<(int, string)> { (batches / 4 + random.Next(Math.Max(1, batches / 2)), DistributedTopology.RatingIntake) };
        TimeSpan? proposals = null, aggregation = null;
        for (var k = 1; k < kills; k++)
        {
            switch (random.Next(4))
            {
                case 0 when aggregation is null:
                    aggregation = TimeSpan.FromMilliseconds(100 + random.Next(1500));
                    break;
                case 1 when proposals is null:
                    proposals = TimeSpan.FromMilliseconds(50 + random.Next(1000));
                    break;
                default:
                    batchKills.Add((random.Next(batches), DistributedTopology.Services[random.Next(DistributedTopology.Services.Length)]));
                    break;
            }
        }

        return new FaultPlan(seed, [.. batchKills.OrderBy(k => k.Item1)], proposals, aggregation);
    }

    /// <summary>One line a soak log can be searched for (infra/local/soak.sh greps "seed N: kills after batches").</summary>
    public override string ToString() =>
        $"seed {Seed}: kills after batches [{string.Join(", ", BatchKills.Select(k => $"{k.AfterBatch}:{k.Service}"))}]"
        + $", proposals {(KillProposalsAfter is { } p ? $"after {p.TotalMilliseconds:0} ms" : "not killed")}"
        + $", aggregation {(KillAggregationAfter is { } a ? $"after {a.TotalMilliseconds:0} ms" : "not killed")}";
}
