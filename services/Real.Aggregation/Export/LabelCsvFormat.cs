using System.Globalization;
using Real.Aggregation.LabelSets;

namespace Real.Aggregation.Export;

/// <summary>
/// CSV with header <c>file,label,score,in_set</c>: one row per rated candidate (its score; in_set 1 or 0), and for an
/// image never rated one row with its original label, an empty score and in_set 1. A rated image with an empty set
/// has only in_set = 0 rows. Images in data-set order, candidates by label; scores round-trip exactly.
/// </summary>
public static class LabelCsvFormat
{
    public const string Header = "file,label,score,in_set";

    public static void Write(LabelSetView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        var rated = view.Rated.ToDictionary(r => r.Image);
        for (var image = 0; image < view.Labels.Count; image++)
        {
            var file = view.Labels.ImageFiles[image];
            if (!rated.TryGetValue(image, out var labels))
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{file},{view.Dataset.OriginalLabels[image]},,1\n"));
                continue;
            }

            for (var i = 0; i < labels.Candidates.Count; i++)
            {
                var label = labels.Candidates[i];
                var inSet = labels.Set.Contains(label) ? 1 : 0;
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{file},{label},{labels.Scores[i]:R},{inSet}\n"));
            }
        }
    }
}
