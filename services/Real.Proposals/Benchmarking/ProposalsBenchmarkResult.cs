using System.Text.Json.Serialization;

namespace Real.Proposals.Benchmarking;

/// <summary>
/// The proposals benchmark's figures (snake_case in JSON: decode_images_per_s, ...). Decoding runs on one thread, so
/// <see cref="DecodeImagesPerS"/> is per core in wall-clock time and <see cref="DecodeImagesPerCpuS"/> per second of
/// that thread's CPU time (what the figure would be on an idle core; the two differ when the machine is loaded, see
/// <see cref="LoadAverage1m"/>). <see cref="OverheadRatio"/> is our inference path's time over a bare ONNX Runtime
/// loop's on the same tensors (1.04 = 4 % slower).
/// </summary>
public sealed record ProposalsBenchmarkResult(
    double DecodeImagesPerS,
    double DecodeImagesPerCpuS,
    double InferenceImagesPerS,
    double BareOrtImagesPerS,
    double OverheadRatio,
    string Model,
    string Device,
    int BatchSize,
    int CpuThreads,
    int Images,
    int ImageWidth,
    int ImageHeight,
    double MeanJpegKilobytes,
    [property: JsonPropertyName("load_average_1m")] double? LoadAverage1m,
    string? CudaUnavailable)
{
    public string Benchmark => "proposals";
}
