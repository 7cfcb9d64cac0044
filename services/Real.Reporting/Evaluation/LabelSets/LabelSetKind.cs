namespace Real.Reporting.Evaluation.LabelSets;

public enum LabelSetKind
{
    /// <summary>A label-set version derived by Real's aggregation (stream labelset-{id}).</summary>
    Version,

    /// <summary>A published label set imported with `import labelset` (stream importedlabelset-{id}).</summary>
    Imported,

    /// <summary>A real.json file read directly, not stored.</summary>
    File,
}
