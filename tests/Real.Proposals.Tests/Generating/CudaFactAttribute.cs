using Microsoft.ML.OnnxRuntime;

namespace Real.Proposals.Tests.Generating;

/// <summary>
/// A fact that needs a working CUDA execution provider: skipped, with the reason "[optional: CUDA GPU]", on machines
/// where the provider's libraries do not load or no NVIDIA device is present.
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public CudaFactAttribute()
    {
        if (Missing.Value is { } why)
        {
            Skip = $"[optional: CUDA GPU] {why}";
        }
    }

    private static string? Probe()
    {
        if (!File.Exists("/dev/nvidiactl"))
        {
            return "no NVIDIA device (/dev/nvidiactl is missing)";
        }

        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return null;
        }
        catch (OnnxRuntimeException ex)
        {
            return $"the CUDA execution provider does not load: {ex.Message}";
        }
    }
}
