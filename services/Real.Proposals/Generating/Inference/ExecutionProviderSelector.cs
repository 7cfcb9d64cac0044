using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Real.Proposals.Generating.Inference;

/// <summary>
/// Creates ONNX Runtime sessions on CUDA when it can, else on the CPU. The GPU package (Microsoft.ML.OnnxRuntime.Gpu)
/// throws when the CUDA provider cannot load (no CUDA/cuDNN libraries) or cannot start (no device, driver too old);
/// with <see cref="InferenceDevice.Auto"/> that is caught, logged once as a single warning naming the cause, and
/// remembered, so later models go straight to the CPU without trying (and logging) again. One instance per process
/// (a singleton in DI) is what makes "once" hold.
/// </summary>
public sealed partial class ExecutionProviderSelector
{
    private const string CudaProviderLibrary = "libonnxruntime_providers_cuda.so";

    private readonly ILogger<ExecutionProviderSelector> _logger;
    private readonly Action<SessionOptions, int> _appendCuda;
    private readonly Lock _gate = new();
    private string? _cudaUnavailable;

    public ExecutionProviderSelector(ILogger<ExecutionProviderSelector> logger)
        : this(logger, static (options, deviceId) => options.AppendExecutionProvider_CUDA(deviceId))
    {
    }

    /// <summary>For tests: <paramref name="appendCuda"/> stands in for <c>SessionOptions.AppendExecutionProvider_CUDA</c>.</summary>
    public ExecutionProviderSelector(ILogger<ExecutionProviderSelector> logger, Action<SessionOptions, int> appendCuda)
    {
        _logger = logger;
        _appendCuda = appendCuda;
    }

    /// <summary>Why CUDA is not used, once a session fell back to the CPU; null before that or when CUDA works.</summary>
    public string? CudaUnavailableReason
    {
        get
        {
            lock (_gate)
            {
                return _cudaUnavailable;
            }
        }
    }

    /// <summary>A session for the model bytes on the device the options ask for; <c>Device</c> says where it landed ("cuda" or "cpu").</summary>
    public SelectedSession CreateSession(byte[] model, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            if (options.Device == InferenceDevice.Cpu || (options.Device == InferenceDevice.Auto && _cudaUnavailable is not null))
            {
                return new SelectedSession(CreateCpuSession(model, options), "cpu");
            }

            try
            {
                return new SelectedSession(CreateCudaSession(model, options), "cuda");
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
            {
                var reason = DescribeCudaFailure(ex);
                if (options.Device == InferenceDevice.Cuda)
                {
                    throw new CudaUnavailableException(reason, ex);
                }

                // The CPU session is created first: if it fails too, the model is at fault and that error is the one to show.
                var session = CreateCpuSession(model, options);
                _cudaUnavailable = reason;
                LogCpuFallback(_logger, reason, options.CpuThreads > 0 ? options.CpuThreads.ToString(System.Globalization.CultureInfo.InvariantCulture) : "automatic");
                return new SelectedSession(session, "cpu");
            }
        }
    }

    private InferenceSession CreateCudaSession(byte[] model, InferenceOptions options)
    {
        var env = OrtEnv.Instance();
        var level = env.EnvLogLevel;
        // ONNX Runtime's own logger would print a second, multi-line error for the same failure; ours says it once.
        env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        using var sessionOptions = BaseOptions(options);
        try
        {
            _appendCuda(sessionOptions, options.CudaDeviceId);
            return new InferenceSession(model, sessionOptions);
        }
        finally
        {
            env.EnvLogLevel = level;
        }
    }

    private static InferenceSession CreateCpuSession(byte[] model, InferenceOptions options)
    {
        using var sessionOptions = BaseOptions(options);
        sessionOptions.IntraOpNumThreads = options.CpuThreads;
        return new InferenceSession(model, sessionOptions);
    }

    private static SessionOptions BaseOptions(InferenceOptions options) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        InterOpNumThreads = 1,
        LogId = "real-proposals",
    };

    /// <summary>
    /// ONNX Runtime reports a failed provider load as "Failed to load shared library" without saying which; loading
    /// the provider library ourselves gets the loader's message, whose first line names the missing dependency
    /// (e.g. "libcublasLt.so.13: cannot open shared object file").
    /// </summary>
    private static string DescribeCudaFailure(Exception ex)
    {
        var message = ex.Message.Replace("[ErrorCode:Fail] ", string.Empty, StringComparison.Ordinal).Trim();
        if (!OperatingSystem.IsLinux() || ex is not (OnnxRuntimeException or DllNotFoundException) || !message.Contains("load", StringComparison.OrdinalIgnoreCase))
        {
            return message;
        }

        try
        {
            var handle = NativeLibrary.Load(CudaProviderLibrary, typeof(InferenceSession).Assembly, null);
            NativeLibrary.Free(handle);
            return message;
        }
        catch (DllNotFoundException probe)
        {
            var missing = probe.Message.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.Contains("cannot open shared object file", StringComparison.Ordinal) && !l.Contains(CudaProviderLibrary, StringComparison.Ordinal));
            return missing is null ? message : $"{message} ({missing})";
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "CUDA execution provider unavailable ({Reason}); running inference on the CPU ({Threads} threads).")]
    private static partial void LogCpuFallback(ILogger logger, string reason, string threads);
}
