namespace Real.Proposals.Pooling;

/// <summary>
/// Where each class sits in a taxonomy: its path of node ids from the root down to the class itself (for ImageNet,
/// WordNet ids along the first-parent hypernym chain of hierarchy.tsv). Two classes are the more related the longer
/// their paths' common prefix. Without a taxonomy (<see cref="Flat"/>) every class hangs off one root.
/// </summary>
public sealed class LabelHierarchy
{
    private readonly Func<int, IReadOnlyList<string>?> _pathOf;

    public LabelHierarchy(Func<int, IReadOnlyList<string>?> pathFromRoot)
    {
        ArgumentNullException.ThrowIfNull(pathFromRoot);
        _pathOf = pathFromRoot;
    }

    public static LabelHierarchy Flat { get; } = new(_ => null);

    /// <summary>A hierarchy from root-to-class paths indexed by class.</summary>
    public static LabelHierarchy FromPaths(IReadOnlyList<IReadOnlyList<string>> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new LabelHierarchy(label => label >= 0 && label < paths.Count ? paths[label] : null);
    }

    /// <summary>The class's path from the root (the class's own id last); a class the taxonomy lacks gets a path of its own.</summary>
    public IReadOnlyList<string> PathOf(int label) =>
        _pathOf(label) ?? [$"class:{label.ToString(System.Globalization.CultureInfo.InvariantCulture)}"];

    /// <summary>Depth of the deepest common ancestor: the length of the paths' common prefix.</summary>
    public int SharedDepth(int a, int b)
    {
        var pa = PathOf(a);
        var pb = PathOf(b);
        var n = Math.Min(pa.Count, pb.Count);
        var depth = 0;
        while (depth < n && string.Equals(pa[depth], pb[depth], StringComparison.Ordinal))
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Orders labels depth-first through the taxonomy, so siblings and cousins end up next to each other.</summary>
    public int Compare(int a, int b)
    {
        var pa = PathOf(a);
        var pb = PathOf(b);
        var n = Math.Min(pa.Count, pb.Count);
        for (var i = 0; i < n; i++)
        {
            var c = string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return pa.Count != pb.Count ? pa.Count.CompareTo(pb.Count) : a.CompareTo(b);
    }
}
