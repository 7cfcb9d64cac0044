using System.Buffers.Binary;

namespace Real.Reporting.Evaluation.Predictions;

/// <summary>
/// Reads a model's logits (or probabilities) from a .npy file: N × C, float32 or float16 (float64 accepted),
/// rows in validation-file order. Streams row by row and keeps only each row's top k, so a 50,000 × 1,000 file
/// never sits in memory. Ties rank the lower class index first (torch.topk leaves ties unspecified).
/// </summary>
public static class NpyLogitsReader
{
    public static TopKPredictions Read(string path, string modelId, int expectedImages, int classCount, int k = 5)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = NpyHeader.Read(stream, path);
        Validate(header, path, expectedImages, classCount, stream.Length);
        k = Math.Min(k, classCount);
        var ranked = new int[expectedImages * k];
        var rowBytes = new byte[classCount * header.ItemSize];
        var values = new float[classCount];
        stream.Seek(header.DataOffset, SeekOrigin.Begin);
        for (var row = 0; row < expectedImages; row++)
        {
            stream.ReadExactly(rowBytes);
            Decode(rowBytes, values, header);
            TopK(values, ranked.AsSpan(row * k, k), path, row);
        }

        return new TopKPredictions(modelId, k, ranked);
    }

    private static void Validate(NpyHeader header, string path, int expectedImages, int classCount, long fileLength)
    {
        if (header.Kind != 'f' || header.ItemSize is not (2 or 4 or 8))
        {
            throw new InvalidDataException($"{path}: dtype '{header.Descr}' is not supported: logits must be float32 (<f4) or float16 (<f2).");
        }

        if (header.FortranOrder)
        {
            throw new InvalidDataException($"{path}: the array is stored in Fortran (column-major) order; save it with numpy.ascontiguousarray first.");
        }

        if (header.Shape.Count != 2)
        {
            throw new InvalidDataException($"{path}: shape ({string.Join(", ", header.Shape)}) is not 2-D: logits must be N images × C classes.");
        }

        if (header.Shape[0] != expectedImages)
        {
            throw new InvalidDataException($"{path}: {header.Shape[0]:N0} rows, but the data set has {expectedImages:N0} images (one row per validation file, in file-name order).");
        }

        if (header.Shape[1] != classCount)
        {
            throw new InvalidDataException($"{path}: {header.Shape[1]:N0} columns, but the data set has {classCount:N0} classes.");
        }

        var needed = header.DataOffset + (header.Shape[0] * header.Shape[1] * header.ItemSize);
        if (fileLength < needed)
        {
            throw new InvalidDataException($"{path}: truncated: shape ({header.Shape[0]}, {header.Shape[1]}) {header.Descr} needs {needed:N0} bytes but the file has {fileLength:N0}.");
        }
    }

    private static void Decode(ReadOnlySpan<byte> bytes, Span<float> values, NpyHeader header)
    {
        var little = header.ByteOrder != '>';
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = header.ItemSize switch
            {
                2 => (float)BitConverter.UInt16BitsToHalf(little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[(i * 2)..])),
                4 => little ? BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]) : BinaryPrimitives.ReadSingleBigEndian(bytes[(i * 4)..]),
                _ => (float)(little ? BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]) : BinaryPrimitives.ReadDoubleBigEndian(bytes[(i * 8)..])),
            };
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
