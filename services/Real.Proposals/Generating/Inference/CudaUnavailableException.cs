namespace Real.Proposals.Generating.Inference;

/// <summary>CUDA was required (<see cref="InferenceDevice.Cuda"/>) but its execution provider did not start.</summary>
public sealed class CudaUnavailableException(string reason, Exception inner)
    : Exception($"CUDA inference was requested but the CUDA execution provider did not start: {reason}. Use --device auto to fall back to the CPU.", inner)
{
    public string Reason { get; } = reason;
}
