using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Generating.Inference;

/// <summary>
/// A registered model loaded into ONNX Runtime: feeds batches of preprocessed tensors and returns the raw scores.
/// The file must still hash to the registered SHA-256, so predictions always name the exact model that made them.
/// Float16 models get their input converted and their output widened. Not thread-safe: one caller at a time.
/// </summary>
public sealed class OnnxClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _shape;
    private readonly bool _halfInput;
    private readonly int _fixedBatch;

    private OnnxClassifier(ModelRegistered model, SelectedSession selected, InferenceOptions options)
    {
        Model = model;
        _session = selected.Session;
        Device = selected.Device;
        _inputNames = [model.InputName];
        _outputNames = [model.OutputName];
        var input = _session.InputMetadata.TryGetValue(model.InputName, out var meta)
            ? meta
            : throw new InvalidDataException($"{model.OnnxPath}: the graph has no input '{model.InputName}'.");
        _halfInput = input.ElementDataType == TensorElementType.Float16;
        if (!_halfInput && input.ElementDataType != TensorElementType.Float)
        {
            throw new InvalidDataException($"{model.OnnxPath}: input '{model.InputName}' is {input.ElementDataType}; float or float16 images are supported.");
        }

        var p = model.Preprocessing;
        _shape = p.Layout == TensorLayout.Nchw ? [0, 3, p.CropHeight, p.CropWidth] : [0, p.CropHeight, p.CropWidth, 3];
        _fixedBatch = model.InputShape.Count > 0 && model.InputShape[0] > 0 ? (int)model.InputShape[0] : 0;
        MaxBatchSize = _fixedBatch > 0 ? _fixedBatch : options.BatchSize;
        TensorLength = 3 * p.CropHeight * p.CropWidth;
    }

    public ModelRegistered Model { get; }

    /// <summary>"cuda" or "cpu".</summary>
    public string Device { get; }

    public int MaxBatchSize { get; }

    /// <summary>Floats in one image's tensor.</summary>
    public int TensorLength { get; }

    /// <summary>Reads and checks the ONNX file, then creates the session through <paramref name="selector"/>.</summary>
    public static OnnxClassifier Load(ModelRegistered model, ExecutionProviderSelector selector, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(model.OnnxPath))
        {
            throw new FileNotFoundException($"{model.OnnxPath}: the ONNX file of model '{model.ModelId}' ({model.Version}) is gone.", model.OnnxPath);
        }

        var bytes = File.ReadAllBytes(model.OnnxPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (hash != model.OnnxSha256)
        {
            throw new InvalidDataException(
                $"{model.OnnxPath}: the file changed since model '{model.ModelId}' {model.Version} was registered (sha256 {hash}, registered {model.OnnxSha256}); register it again to make a new version.");
        }

        var selected = selector.CreateSession(bytes, options);
        try
        {
            return new OnnxClassifier(model, selected, options);
        }
        catch
        {
            selected.Session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> images whose tensors lie back to back in <paramref name="inputs"/> and writes their
    /// <see cref="ModelRegistered.OutputCount"/> scores each to <paramref name="scores"/>.
    /// </summary>
    public void Run(Memory<float> inputs, int count, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatchSize);
        var outputs = Model.OutputCount;
        if (inputs.Length < count * TensorLength || scores.Length < count * outputs)
        {
            throw new ArgumentException($"Buffers too small for {count} images.");
        }

        // A fixed batch dimension is filled up with zero images whose scores are dropped.
        var batch = _fixedBatch > 0 ? _fixedBatch : count;
        var shape = (long[])_shape.Clone();
        shape[0] = batch;
        using var input = CreateInput(inputs, count, batch, shape);
        using var results = _session.Run(_runOptions, _inputNames, [input], _outputNames);
        var output = results[0];
        var info = output.GetTensorTypeAndShape();
        if (info.ElementCount != (long)batch * outputs)
        {
            throw new InvalidDataException(
                $"{Model.OnnxPath}: output '{Model.OutputName}' has shape [{string.Join(", ", info.Shape)}] but {batch} × {outputs} scores were expected.");
        }

        if (info.ElementDataType == TensorElementType.Float16)
        {
            var half = output.GetTensorDataAsSpan<Float16>();
            for (var i = 0; i < count * outputs; i++)
            {
                scores[i] = half[i].ToFloat();
            }
        }
        else
        {
            output.GetTensorDataAsSpan<float>()[..(count * outputs)].CopyTo(scores);
        }
    }

    private OrtValue CreateInput(Memory<float> inputs, int count, int batch, long[] shape)
    {
        var length = batch * TensorLength;
        if (_halfInput)
        {
            var half = new Float16[length];
            var source = inputs.Span;
            for (var i = 0; i < count * TensorLength; i++)
            {
                half[i] = (Float16)source[i];
            }

            return OrtValue.CreateTensorValueFromMemory(half, shape);
        }

        if (batch == count)
        {
            return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs[..length], shape);
        }

        var padded = new float[length];
        inputs.Span[..(count * TensorLength)].CopyTo(padded);
        return OrtValue.CreateTensorValueFromMemory(padded, shape);
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
