using Real.Contracts.Events.Proposals;
using Real.Data.Npy;
using Real.Proposals.Datasets;
using Real.Proposals.Generating.Inference;

namespace Real.Proposals.Importing;

/// <summary>
/// Reads an N × outputs score matrix row by row (never the whole file at once: 50,000 × 1000 float32 is 200 MB) and
/// ranks each row like inference output. Rows are images in the data set's order, or the image list's.
/// </summary>
internal static class NpyPredictionReader
{
    public static IReadOnlyList<ImagePrediction> Read(string path, ImportTarget target, DatasetImages dataset, IReadOnlyList<string>? imageList, int topK)
    {
        using var reader = NpyArrayReader.OpenFile(path);
        var header = reader.Header;
        if (header.Shape.Count != 2)
        {
            throw new InvalidDataException($"{path}: shape is {header.ShapeText}; predictions must be a 2-dimensional (images, outputs) array.");
        }

        var (rows, columns) = (header.Shape[0], header.Shape[1]);
        if (columns != target.Outputs)
        {
            throw new InvalidDataException(
                $"{path}: shape is {header.ShapeText} but model '{target.Model.ModelId}' has {target.Outputs} outputs; the second dimension must be {target.Outputs}.");
        }

        var images = imageList ?? dataset.Dataset.ImageFiles;
        if (rows != images.Count)
        {
            throw new InvalidDataException(imageList is null
                ? $"{path}: {rows} rows but data set '{dataset.DatasetId}' has {images.Count} images; pass an image list (--image-list) naming each row's image."
                : $"{path}: {rows} rows but the image list names {images.Count} images.");
        }

        var scores = new float[columns];
        var kind = header.DType.Kind;
        var half = kind == NpyKind.Float16 ? new Half[columns] : null;
        var wide = kind == NpyKind.Float64 ? new double[columns] : null;
        if (kind is not (NpyKind.Float32 or NpyKind.Float16 or NpyKind.Float64))
        {
            throw new InvalidDataException($"{path}: dtype is {header.DType.Descr}; scores must be float32, float16 or float64.");
        }

        var result = new ImagePrediction[rows];
        for (var r = 0; r < rows; r++)
        {
            if (half is not null)
            {
                reader.Read<Half>(half);
                for (var c = 0; c < columns; c++)
                {
                    scores[c] = (float)half[c];
                }
            }
            else if (wide is not null)
            {
                reader.Read<double>(wide);
                for (var c = 0; c < columns; c++)
                {
                    scores[c] = (float)wide[c];
                }
            }
            else
            {
                reader.Read<float>(scores);
            }

            result[r] = new ImagePrediction(images[(int)r], ScoreRanker.TopK(scores, target.Kind, target.ClassMap, topK, $"{path} row {r}"));
        }

        return result;
    }
}
