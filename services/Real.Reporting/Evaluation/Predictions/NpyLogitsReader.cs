using Real.Data.Npy;

namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// Reads a model's logits (or probabilities) from a .npy file: N × C, float32 or float16 (float64 accepted),
/// rows in validation-file order. Streams row by row through Real.Data's reader and keeps only each row's top k,
/// so a 50,000 × 1,000 file never sits in memory. Ties rank the lower class index first (torch.topk leaves ties
/// unspecified).
/// </summary>
public static class NpyLogitsReader
{
    public static TopKPredictions Read(string path, string modelId, int expectedImages, int classCount, int k = 5)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = NpyArrayReader.OpenFile(path);
        Validate(reader.Header, path, expectedImages, classCount);
        k = Math.Min(k, classCount);
        var ranked = new int[expectedImages * k];
        var values = new float[classCount];
        var halves = reader.Header.DType.Kind == NpyKind.Float16 ? new Half[classCount] : null;
        var doubles = reader.Header.DType.Kind == NpyKind.Float64 ? new double[classCount] : null;
        for (var row = 0; row < expectedImages; row++)
        {
            if (halves is not null)
            {
                reader.Read<Half>(halves);
                for (var c = 0; c < classCount; c++)
                {
                    values[c] = (float)halves[c];
                }
            }
            else if (doubles is not null)
            {
                reader.Read<double>(doubles);
                for (var c = 0; c < classCount; c++)
                {
                    values[c] = (float)doubles[c];
                }
            }
            else
            {
                reader.Read<float>(values);
            }

            TopK(values, ranked.AsSpan(row * k, k), path, row);
        }

        return new TopKPredictions(modelId, k, ranked);
    }

    private static void Validate(NpyHeader header, string path, int expectedImages, int classCount)
    {
        if (header.DType.Kind is not (NpyKind.Float32 or NpyKind.Float16 or NpyKind.Float64))
        {
            throw new InvalidDataException($"{path}: dtype '{header.DType.Descr}' is not supported: logits must be float32 (<f4) or float16 (<f2).");
        }

        if (header.Shape.Count != 2)
        {
            throw new InvalidDataException($"{path}: shape {header.ShapeText} is not 2-D: logits must be N images × C classes.");
        }

        if (header.Shape[0] != expectedImages)
        {
            throw new InvalidDataException($"{path}: {header.Shape[0]:N0} rows, but the data set has {expectedImages:N0} images (one row per validation file, in file-name order).");
        }

        if (header.Shape[1] != classCount)
        {
            throw new InvalidDataException($"{path}: {header.Shape[1]:N0} columns, but the data set has {classCount:N0} classes.");
        }
    }

    /// <summary>Selects the k largest values' indices, best first; a NaN is an error naming its row and column.</summary>
    internal static void TopK(ReadOnlySpan<float> values, Span<int> best, string path, int row)
    {
        var k = best.Length;
        Span<float> bestValues = stackalloc float[k];
        var filled = 0;
        for (var c = 0; c < values.Length; c++)
        {
            var v = values[c];
            if (float.IsNaN(v))
            {
                throw new InvalidDataException($"{path}: row {row} (image {row + 1}), column {c}: the value is NaN.");
            }

            if (filled == k && v <= bestValues[k - 1])
            {
                continue;
            }

            // Insertion into the sorted top list; strict '>' keeps the lower index first on ties.
            var pos = filled < k ? filled : k - 1;
            while (pos > 0 && v > bestValues[pos - 1])
            {
                bestValues[pos] = bestValues[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }

            bestValues[pos] = v;
            best[pos] = c;
            if (filled < k)
            {
                filled++;
            }
        }
    }
}
