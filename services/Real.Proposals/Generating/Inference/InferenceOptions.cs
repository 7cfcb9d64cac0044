namespace Real.Proposals.Generating.Inference;

/// <summary>How inference runs: device, CPU threads, batch size, and how many threads decode images meanwhile.</summary>
public sealed record InferenceOptions
{
    public InferenceDevice Device { get; init; } = InferenceDevice.Auto;

    /// <summary>ONNX Runtime intra-op threads on the CPU; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int CpuThreads { get; init; }

    public int CudaDeviceId { get; init; }

    /// <summary>Images per inference call (models with a fixed batch dimension use theirs).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Threads decoding and preprocessing images while the model runs; 0 = one per processor.</summary>
    public int DecodeThreads { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CpuThreads < 0)
        {
            problems.Add($"CPU threads must be 0 (automatic) or more (got {CpuThreads})");
        }

        if (BatchSize is < 1 or > 4096)
        {
            problems.Add($"batch size must be 1 to 4096 (got {BatchSize})");
        }

        if (DecodeThreads < 0)
        {
            problems.Add($"decode threads must be 0 (automatic) or more (got {DecodeThreads})");
        }

        if (CudaDeviceId < 0)
        {
            problems.Add($"CUDA device id must be 0 or more (got {CudaDeviceId})");
        }

        return problems;
    }
}
