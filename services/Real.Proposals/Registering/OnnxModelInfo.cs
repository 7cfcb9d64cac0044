namespace Real.Proposals.Registering;

/// <summary>What registration learns from an ONNX file: the image input, the score output and its class count.</summary>
public sealed record OnnxModelInfo(string InputName, IReadOnlyList<long> InputShape, string OutputName, int OutputCount);
