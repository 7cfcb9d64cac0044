namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>
/// Resolves what `--labelset` names: "latest" (our newest complete version), an id of ours or of an imported set,
/// or a path to a real.json file. Lists every stored set for the dashboard and the report.
/// </summary>
public sealed class LabelSetCatalog(IReadOnlyList<ILabelSetSource> sources)
{
    public const string Latest = "latest";

    public async Task<IReadOnlyList<LabelSetSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<LabelSetSummary>();
        foreach (var source in sources)
        {
            all.AddRange(await source.ListAsync(cancellationToken));
        }

        return [.. all.OrderBy(s => s.Position)];
    }

    /// <summary>Our newest complete version, else null.</summary>
    public async Task<LabelSetSummary?> LatestVersionAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).LastOrDefault(s => s.Kind == LabelSetKind.Version && s.Complete);

    public async Task<LoadedLabelSet> ResolveAsync(string reference, EvaluationDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(dataset);
        if (File.Exists(reference))
        {
            var fromFile = new LabelSet(Path.GetFileName(reference), RealJsonLabelSetReader.Read(reference, dataset.Images, dataset.ClassCount));
            return new LoadedLabelSet(fromFile, new LabelSetDescription(fromFile.Id, "file", "published (real-json file)", Path.GetFullPath(reference), new Dictionary<string, string>(), null, fromFile.Statistics, null), null);
        }

        var id = reference;
        if (string.Equals(reference, Latest, StringComparison.OrdinalIgnoreCase))
        {
            id = (await LatestVersionAsync(cancellationToken))?.Id
                ?? throw new InvalidDataException("There is no label-set version yet: run `./real aggregate` first, or name an imported set or a real.json file with --labelset.");
        }

        foreach (var source in sources)
        {
            if (await source.LoadAsync(id, dataset, cancellationToken) is { } labelSet)
            {
                return labelSet;
            }
        }

        var known = (await ListAsync(cancellationToken)).Select(s => s.Id).ToList();
        throw new InvalidDataException(
            $"No label set '{reference}': it is neither a stored id nor a file. Known: {(known.Count == 0 ? "none (aggregate or `import labelset` first)" : string.Join(", ", known))}.");
    }
}
