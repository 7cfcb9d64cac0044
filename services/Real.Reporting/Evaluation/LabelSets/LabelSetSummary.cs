namespace Real.Reporting.Evaluation.LabelSets;

/// <summary>
/// One label set the catalog knows: a version of ours (aggregation's labelset-* streams), an imported published set
/// (importedlabelset-*), or a file. <see cref="Position"/> is the global position of its last event (0 for a file).
/// </summary>
public sealed record LabelSetSummary(
    string Id,
    LabelSetKind Kind,
    string Stream,
    string Description,
    DateTimeOffset? Created,
    long Position,
    bool Complete,
    LabelSetStatistics? Statistics);
