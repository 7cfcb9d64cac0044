using Real.Aggregation.DawidSkene;

namespace Real.Aggregation.Tests.Simulation;

/// <summary>
/// Seeded generator of rating campaigns with known truth and known rater confusion matrices. Same spec, same
/// campaign: <see cref="Random"/> with a seed is deterministic across runs and platforms.
/// </summary>
public static class RaterSimulator
{
    /// <summary>Rater archetypes: rows over (no, maybe, yes) given "does not fit" and given "fits".</summary>
    private static readonly (double[] NotFits, double[] Fits)[] Archetypes =
    [
        ([0.92, 0.05, 0.03], [0.06, 0.09, 0.85]), // careful
        ([0.85, 0.10, 0.05], [0.15, 0.15, 0.70]), // average
        ([0.70, 0.05, 0.25], [0.05, 0.05, 0.90]), // says yes too easily
        ([0.95, 0.04, 0.01], [0.35, 0.20, 0.45]), // strict
        ([0.60, 0.25, 0.15], [0.25, 0.30, 0.45]), // noisy, hedges with maybe
    ];

    public static SimulatedRatings Generate(SimulationSpec spec, IReadOnlyList<RaterRows>? raters = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(spec.Seed);
        var confusion = raters?.ToArray() ?? Enumerable.Range(0, spec.Raters).Select(r => Perturb(Archetypes[r % Archetypes.Length], random)).ToArray();
        var activity = Enumerable.Range(0, confusion.Length).Select(r => 1.0 / (1 + (r % 7))).ToArray();

        var questionImage = new List<int>();
        var questionLabel = new List<int>();
        var originalLabels = new int[spec.Images];
        for (var image = 0; image < spec.Images; image++)
        {
            originalLabels[image] = random.Next(spec.Classes);
            var candidates = new SortedSet<int> { originalLabels[image] };
            var wanted = random.Next(spec.MinCandidates, spec.MaxCandidates + 1);
            while (candidates.Count < wanted)
            {
                candidates.Add(random.Next(spec.Classes));
            }

            foreach (var label in candidates)
            {
                questionImage.Add(image);
                questionLabel.Add(label);
            }
        }

        var truth = new bool[questionImage.Count];
        var builder = new VoteMatrixBuilder(truth.Length, confusion.Length);
        for (var q = 0; q < truth.Length; q++)
        {
            truth[q] = random.NextDouble() < (questionLabel[q] == originalLabels[questionImage[q]] ? spec.OriginalLabelFits : spec.PriorFits);
            foreach (var rater in PickRaters(random, activity, spec.VotesPerQuestion))
            {
                var row = truth[q] ? confusion[rater].GivenFits : confusion[rater].GivenNotFits;
                builder.Add(q, rater, Draw(random, row));
            }
        }

        return new SimulatedRatings(spec, builder.Build(), truth, confusion, [.. questionImage], [.. questionLabel], originalLabels);
    }

    /// <summary>An archetype with ±20% multiplicative noise per cell, renormalised.</summary>
    private static RaterRows Perturb((double[] NotFits, double[] Fits) archetype, Random random) =>
        new(Noisy(archetype.NotFits, random), Noisy(archetype.Fits, random));

    private static double[] Noisy(double[] row, Random random)
    {
        var noisy = row.Select(p => p * (0.8 + (0.4 * random.NextDouble()))).ToArray();
        var sum = noisy.Sum();
        return noisy.Select(p => p / sum).ToArray();
    }

    private static List<int> PickRaters(Random random, double[] activity, int count)
    {
        var picked = new List<int>(count);
        var total = activity.Sum();
        while (picked.Count < Math.Min(count, activity.Length))
        {
            var x = random.NextDouble() * total;
            var rater = 0;
            while (rater < activity.Length - 1 && x >= activity[rater])
            {
                x -= activity[rater];
                rater++;
            }

            if (!picked.Contains(rater))
            {
                picked.Add(rater);
            }
        }

        return picked;
    }

    private static Answer Draw(Random random, IReadOnlyList<double> row)
    {
        var x = random.NextDouble();
        return x < row[0] ? Answer.No : x < row[0] + row[1] ? Answer.Maybe : Answer.Yes;
    }
}
