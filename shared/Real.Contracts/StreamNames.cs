namespace Real.Contracts;

/// <summary>
/// The categories of Real's streams (the prefix before the first '-'), and how stream names are built.
/// Every service reads and writes streams only through these names.
/// </summary>
public static class StreamNames
{
    public const string DatasetCategory = "dataset";
    public const string RatingsCategory = "ratings";
    public const string ModelsCategory = "model";
    public const string PredictionsCategory = "predictions";
    public const string ProposalsCategory = "proposals";
    public const string TasksCategory = "tasks";
    public const string LabelSetCategory = "labelset";
    public const string ImportedLabelSetCategory = "importedlabelset";

    /// <summary>One stream, <see cref="LabelSetIndex"/>, allocating label-set ids in order (one small event per run).</summary>
    public const string LabelSetIndexCategory = "labelsetindex";

    /// <summary>The label-set index: LabelSetAllocated events, one per aggregation run, in the order ids were given out.</summary>
    public const string LabelSetIndex = "labelsetindex-all";

    /// <summary>The dataset id of the ImageNet-1k (ILSVRC-2012) validation set.</summary>
    public const string ImageNetVal = "imagenet-val";

    public static string Dataset(string datasetId) => $"{DatasetCategory}-{datasetId}";

    /// <summary>Ratings from one source (a rating tool's id, or an import such as "import.real-votes").</summary>
    public static string Ratings(string source) => $"{RatingsCategory}-{source}";

    public static string Model(string modelId) => $"{ModelsCategory}-{modelId}";

    public static string Predictions(string modelId) => $"{PredictionsCategory}-{modelId}";

    public static string Proposals(string datasetId) => $"{ProposalsCategory}-{datasetId}";

    public static string Tasks(string datasetId) => $"{TasksCategory}-{datasetId}";

    public static string LabelSet(string labelSetId) => $"{LabelSetCategory}-{labelSetId}";

    /// <summary>A published label set imported for evaluation (e.g. the paper's real.json).</summary>
    public static string ImportedLabelSet(string labelSetId) => $"{ImportedLabelSetCategory}-{labelSetId}";
}
