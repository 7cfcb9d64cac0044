namespace Real.Proposals.Generating.Inference;

/// <summary>Where inference runs. Serialized and parsed as "auto" | "cpu" | "cuda".</summary>
public enum InferenceDevice
{
    /// <summary>CUDA when its execution provider starts, else the CPU (one log line says why).</summary>
    Auto = 0,

    Cpu = 1,

    /// <summary>CUDA or fail: for runs that must not silently take hours on a CPU.</summary>
    Cuda = 2,
}
