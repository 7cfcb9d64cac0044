using System.Globalization;
using Real.Aggregation.LabelSets;

namespace Real.Aggregation.Export;

/// <summary>Every rated (image, label) question's score: CSV <c>file,label,score</c>, images in data-set order, labels ascending.</summary>
public static class ScoreCsvFormat
{
    public const string Header = "file,label,score";

    public static void Write(LabelSetView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var image in view.Rated)
        {
            var file = view.Labels.ImageFiles[image.Image];
            for (var i = 0; i < image.Candidates.Count; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{file},{image.Candidates[i]},{image.Scores[i]:R}\n"));
            }
        }
    }
}
