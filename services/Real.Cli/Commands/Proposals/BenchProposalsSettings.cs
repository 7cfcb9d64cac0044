using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public sealed class BenchProposalsSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print one JSON object (the only output).")]
    public bool Json { get; init; }

    [CommandOption("--model <ONNX>")]
    [Description("Model to run (default: tests/fixtures/generated/proposals/models/bench-cnn.onnx from tests/tools/make_onnx_models.py).")]
    public string Model { get; init; } = Path.Combine("tests", "fixtures", "generated", "proposals", "models", "bench-cnn.onnx");

    [CommandOption("--images <N>")]
    [Description("Synthetic 500×375 JPEGs to decode and infer (default 64).")]
    public int Images { get; init; } = 64;

    [CommandOption("--batch-size <N>")]
    [Description("Images per inference call (default 32).")]
    public int BatchSize { get; init; } = 32;

    [CommandOption("--cpu-threads <N>")]
    [Description("ONNX Runtime CPU threads (default 0: one per physical core).")]
    public int CpuThreads { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto (default), cpu or cuda.")]
    public string Device { get; init; } = "auto";

    [CommandOption("--seconds <S>")]
    [Description("Time budget (default 15).")]
    public int Seconds { get; init; } = 15;
}
