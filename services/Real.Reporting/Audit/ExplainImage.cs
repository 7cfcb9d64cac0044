namespace Real.Reporting.Audit;

/// <summary>Explain an image (a file name, with or without path/extension), optionally one label, under a label set (id or "latest").</summary>
public sealed record ExplainImage(string Image, int? Label, string LabelSet);
