using Real.Proposals.Generating.Images;
using Real.Proposals.Generating.Preprocessing;

namespace Real.Proposals.Generating;

/// <summary>
/// Decodes and preprocesses one batch of files in parallel into a tensor buffer. A file that cannot be decoded is
/// reported and left out; the batch's other images are packed together so the model sees no gaps.
/// </summary>
internal sealed class BatchPreparer(ImagePreprocessor preprocessor, int threads)
{
    public PreparedBatch Prepare(IReadOnlyList<(string File, string Image)> items, float[] tensors, CancellationToken cancellationToken)
    {
        var length = preprocessor.TensorLength;
        var errors = new string?[items.Count];
        Parallel.For(
            0,
            items.Count,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            i =>
            {
                try
                {
                    using var image = ImageDecoder.Decode(items[i].File);
                    preprocessor.Preprocess(image, tensors.AsSpan(i * length, length));
                }
                catch (InvalidDataException ex)
                {
                    errors[i] = ex.Message;
                }
            });

        var images = new List<string>(items.Count);
        var failures = new List<ImageFailure>();
        for (var i = 0; i < items.Count; i++)
        {
            if (errors[i] is { } error)
            {
                failures.Add(new ImageFailure(items[i].File, error));
                continue;
            }

            if (images.Count != i)
            {
                tensors.AsSpan(i * length, length).CopyTo(tensors.AsSpan(images.Count * length, length));
            }

            images.Add(items[i].Image);
        }

        return new PreparedBatch(tensors, images, failures);
    }
}
