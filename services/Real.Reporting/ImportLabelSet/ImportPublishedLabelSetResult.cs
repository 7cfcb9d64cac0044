using Real.Reporting.Evaluation;

namespace Real.Reporting.ImportLabelSet;

/// <summary>What an import did: <see cref="AppendedEvents"/> is 0 when the same file was already imported under this id.</summary>
public sealed record ImportPublishedLabelSetResult(string LabelSetId, string Stream, int AppendedEvents, LabelSetStatistics Statistics)
{
    public bool AlreadyImported => AppendedEvents == 0;
}
