using System.Globalization;
using Real.Aggregation.Labels;

namespace Real.Aggregation.Export;

/// <summary>
/// The published ReaL format (real.json): a JSON list with one list of label indices per image, in the data set's
/// image order (validation files sorted by name, ILSVRC2012_val_00000001.JPEG first). An empty list marks an image
/// excluded from evaluation; an image never rated holds its original label. Written the way Python's json.dump
/// writes it (", " between items), labels ascending.
/// </summary>
public static class RealJsonFormat
{
    public static void Write(FullLabelSet labels, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write('[');
        for (var image = 0; image < labels.Count; image++)
        {
            if (image > 0)
            {
                writer.Write(", ");
            }

            writer.Write('[');
            var set = labels.LabelsOf(image);
            for (var i = 0; i < set.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(", ");
                }

                writer.Write(set[i].ToString(CultureInfo.InvariantCulture));
            }

            writer.Write(']');
        }

        writer.Write(']');
    }
}
