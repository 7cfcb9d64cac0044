using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Registering;

/// <summary>
/// Opens an ONNX file on the CPU, picks the image input and the score output, checks the input against the
/// preprocessing, and runs one blank image through it to learn the number of classes, so a model that cannot run
/// with these settings is refused at registration rather than halfway through a data set.
/// </summary>
public static class OnnxModelInspector
{
    public static OnnxModelInfo Inspect(byte[] model, string path, string? inputName, string? outputName, ImagePreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(preprocessing);
        InferenceSession session;
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC };
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{path}: ONNX Runtime cannot load this file: {ex.Message}", ex);
        }

        using (session)
        {
            var input = Pick(session.InputMetadata, inputName, "input", path);
            var output = Pick(session.OutputMetadata, outputName, "output", path);
            var meta = session.InputMetadata[input];
            if (meta.ElementDataType is not (TensorElementType.Float or TensorElementType.Float16))
            {
                throw new InvalidDataException($"{path}: input '{input}' holds {meta.ElementDataType}; an image input must be float or float16.");
            }

            var shape = meta.Dimensions.Select(d => (long)d).ToArray();
            var expected = CheckShape(shape, input, path, preprocessing);
            var outputCount = RunBlank(session, input, output, shape, expected, meta.ElementDataType, path);
            return new OnnxModelInfo(input, shape, output, outputCount);
        }
    }

    private static string Pick(IReadOnlyDictionary<string, NodeMetadata> nodes, string? requested, string what, string path)
    {
        var names = string.Join(", ", nodes.Keys.Select(k => $"'{k}'"));
        if (requested is not null)
        {
            return nodes.ContainsKey(requested)
                ? requested
                : throw new ArgumentException($"{path}: the graph has no {what} '{requested}' (it has {names}).");
        }

        return nodes.Count == 1
            ? nodes.Keys.Single()
            : throw new ArgumentException($"{path}: the graph has {nodes.Count} {what}s ({names}); name the one to use with --{what}.");
    }

    private static long[] CheckShape(long[] shape, string input, string path, ImagePreprocessing p)
    {
        var shown = $"[{string.Join(", ", shape)}]";
        if (shape.Length != 4)
        {
            throw new InvalidDataException($"{path}: input '{input}' has shape {shown}; an image batch needs 4 dimensions.");
        }

        long[] expected = p.Layout == TensorLayout.Nchw ? [-1, 3, p.CropHeight, p.CropWidth] : [-1, p.CropHeight, p.CropWidth, 3];
        for (var d = 1; d < 4; d++)
        {
            if (shape[d] > 0 && shape[d] != expected[d])
            {
                var layout = p.Layout.ToString().ToUpperInvariant();
                throw new InvalidDataException(
                    $"{path}: input '{input}' has shape {shown} but the preprocessing makes {layout} tensors of [batch, {string.Join(", ", expected[1..])}]; adjust --crop or --layout.");
            }
        }

        return expected;
    }

    private static int RunBlank(InferenceSession session, string input, string output, long[] shape, long[] expected, TensorElementType type, string path)
    {
        // Dynamic dimensions take the batch of one and the preprocessing's sizes.
        var concrete = shape.Select((d, i) => d > 0 ? d : i == 0 ? 1 : expected[i]).ToArray();
        var length = concrete.Aggregate(1L, (a, b) => a * b);
        using var value = type == TensorElementType.Float16
            ? OrtValue.CreateTensorValueFromMemory(new Float16[length], concrete)
            : OrtValue.CreateTensorValueFromMemory(new float[length], concrete);
        try
        {
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, [input], [value], [output]);
            var info = results[0].GetTensorTypeAndShape();
            if (info.ElementDataType is not (TensorElementType.Float or TensorElementType.Float16))
            {
                throw new InvalidDataException($"{path}: output '{output}' holds {info.ElementDataType}; class scores must be float or float16.");
            }

            var perImage = info.ElementCount / concrete[0];
            return perImage is >= 1 and <= int.MaxValue
                ? (int)perImage
                : throw new InvalidDataException($"{path}: output '{output}' has shape [{string.Join(", ", info.Shape)}], not one score per class.");
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{path}: a blank {string.Join("×", concrete)} input does not run through the model: {ex.Message}", ex);
        }
    }
}
