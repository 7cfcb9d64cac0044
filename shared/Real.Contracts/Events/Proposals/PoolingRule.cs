namespace Real.Contracts.Events.Proposals;

/// <summary>
/// The rule that turns model predictions into candidate labels (the ReaL paper's, made configurable): per image the
/// union of each model's top <see cref="TopK"/>; labels proposed by fewer than <see cref="MinModels"/> models are
/// dropped; the original label is always added; at most <see cref="MaxCandidates"/> candidates are kept; candidates
/// are asked in tasks of at most <see cref="MaxLabelsPerTask"/> labels.
/// </summary>
public sealed record PoolingRule(int TopK = 5, int MinModels = 2, int MaxCandidates = 16, int MaxLabelsPerTask = 8)
{
    public static PoolingRule Default { get; } = new();

    /// <summary>The problems with these values, one sentence each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TopK < 1)
        {
            problems.Add($"top-k must be at least 1 (got {TopK})");
        }

        if (MinModels < 1)
        {
            problems.Add($"min-models must be at least 1 (got {MinModels})");
        }

        if (MaxCandidates < 1)
        {
            problems.Add($"max-candidates must be at least 1 (got {MaxCandidates})");
        }

        if (MaxLabelsPerTask is < 1 or > 8)
        {
            problems.Add($"labels per task must be 1 to 8 (got {MaxLabelsPerTask}): rating tools show at most 8");
        }

        return problems;
    }
}
