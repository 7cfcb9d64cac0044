using Microsoft.ML.OnnxRuntime;

namespace Real.Proposals.Generating.Inference;

/// <summary>An ONNX Runtime session and the device it runs on: "cuda" or "cpu".</summary>
public sealed record SelectedSession(InferenceSession Session, string Device);
