using System.ComponentModel;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Run;

public sealed class MainJobSettings : RealCommandSettings
{
    public const string DefaultDemoDirectory = "tests/fixtures/generated/proposals";

    [CommandOption("--rule <NAME>")]
    [Description("Aggregation rule for the label set (default: dawid-skene, the paper's settings).")]
    [DefaultValue("dawid-skene")]
    public string Rule { get; init; } = "dawid-skene";

    [CommandOption("--demo <DIR>")]
    [Description("Proposals demo: models/tiny-{a,b,c}.onnx and images/ as tests/tools/make_onnx_models.py writes them (default: " + DefaultDemoDirectory + "; `make run` builds it). The step is skipped, saying so, when absent.")]
    [DefaultValue(DefaultDemoDirectory)]
    public string Demo { get; init; } = DefaultDemoDirectory;
}
