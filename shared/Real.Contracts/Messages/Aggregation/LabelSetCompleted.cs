namespace Real.Contracts.Messages.Aggregation;

/// <summary>Published when a label-set version is complete (also the reply to <see cref="RunAggregation"/>).</summary>
public sealed record LabelSetCompleted(
    Guid RunId,
    string LabelSetId,
    string DatasetId,
    string Rule,
    string RuleVersion,
    long InputUpToPosition,
    int ImagesRated,
    int EmptySets,
    double MultiLabelShare,
    bool AlreadyExisted);
