namespace Real.Proposals.Pooling;

/// <summary>
/// Splits an image's candidates into as few rating tasks as the size limit allows, keeping related classes together:
/// the labels are ordered depth-first through the taxonomy and cut where neighbours are least related (the smallest
/// total depth of the common ancestors across the cuts), and among equally good cuts the most even task sizes win.
/// A rater then sees e.g. all the dog breeds in one task, which is how they can tell them apart.
/// </summary>
public static class TaskSplitter
{
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<int> labels, int maxPerTask, LabelHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerTask, 1);
        var ordered = labels.Distinct().Order(Comparer<int>.Create(hierarchy.Compare)).ToArray();
        var n = ordered.Length;
        if (n == 0)
        {
            return [];
        }

        var tasks = (n + maxPerTask - 1) / maxPerTask;
        if (tasks == 1)
        {
            return [ordered];
        }

        // cutCost[i]: relatedness lost by cutting between ordered[i - 1] and ordered[i].
        var cutCost = new int[n];
        for (var i = 1; i < n; i++)
        {
            cutCost[i] = hierarchy.SharedDepth(ordered[i - 1], ordered[i]);
        }

        // best[j, i]: the cheapest (cut cost, sum of squared sizes) for the first i labels in j tasks; from[j, i]: its last cut.
        var best = new (long Cut, long Squares)?[tasks + 1, n + 1];
        var from = new int[tasks + 1, n + 1];
        best[0, 0] = (0, 0);
        for (var j = 1; j <= tasks; j++)
        {
            for (var i = 1; i <= n; i++)
            {
                for (var size = 1; size <= Math.Min(maxPerTask, i); size++)
                {
                    if (best[j - 1, i - size] is not { } previous)
                    {
                        continue;
                    }

                    var candidate = (Cut: previous.Cut + (i - size > 0 ? cutCost[i - size] : 0), Squares: previous.Squares + ((long)size * size));
                    if (best[j, i] is not { } current || candidate.Cut < current.Cut || (candidate.Cut == current.Cut && candidate.Squares < current.Squares))
                    {
                        best[j, i] = candidate;
                        from[j, i] = i - size;
                    }
                }
            }
        }

        var result = new IReadOnlyList<int>[tasks];
        for (int j = tasks, end = n; j >= 1; j--)
        {
            var start = from[j, end];
            result[j - 1] = ordered[start..end];
            end = start;
        }

        return result;
    }
}
