using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Real.Proposals.Benchmarking;
using Real.Proposals.Generating.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

[Description("Benchmark decode + preprocessing and inference against a bare ONNX Runtime loop.")]
public sealed class BenchProposalsCommand : AsyncCommand<BenchProposalsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchProposalsSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Model))
        {
            throw new FileNotFoundException(
                $"{settings.Model}: benchmark model not found; make it with `/usr/bin/python3 tests/tools/make_onnx_models.py` (needs python3-onnx) or pass --model.", settings.Model);
        }

        var device = settings.Device.ToLowerInvariant() switch
        {
            "auto" => InferenceDevice.Auto,
            "cpu" => InferenceDevice.Cpu,
            "cuda" or "gpu" => InferenceDevice.Cuda,
            _ => throw new ArgumentException($"--device '{settings.Device}': use auto, cpu or cuda."),
        };
        using var logging = LoggerFactory.Create(b => b.AddProvider(new StderrLoggerProvider()));
        var benchmark = new ProposalsBenchmark(new ExecutionProviderSelector(logging.CreateLogger<ExecutionProviderSelector>()));
        var result = await ProposalsCli.UserFacing(() => benchmark.RunAsync(
            settings.Model, settings.Images, settings.BatchSize, new InferenceOptions { Device = device, CpuThreads = settings.CpuThreads }, TimeSpan.FromSeconds(settings.Seconds), cancellationToken));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(result, ProposalsCli.Json));
            return 0;
        }

        var table = new Table().AddColumns("figure", "value");
        table.AddRow("decode + preprocess, one thread (wall clock)", $"{result.DecodeImagesPerS:F0} images/s");
        table.AddRow("decode + preprocess, per CPU second", $"{result.DecodeImagesPerCpuS:F0} images/s");
        table.AddRow($"inference, ours ({result.Model}, {result.Device}, batch {result.BatchSize})", $"{result.InferenceImagesPerS:F0} images/s");
        table.AddRow("inference, bare ONNX Runtime", $"{result.BareOrtImagesPerS:F0} images/s");
        table.AddRow("overhead (ours / bare time)", $"{result.OverheadRatio:F3}");
        table.AddRow("load average (1 min)", $"{result.LoadAverage1m}");
        AnsiConsole.Write(table);
        return 0;
    }
}
