using System.ComponentModel;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Inference;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

public sealed class ProposeSettings : RealCommandSettings
{
    [CommandOption("--models <IDS>")]
    [Description("Comma-separated model ids to pool (registered, or known from imported predictions).")]
    public required string Models { get; init; }

    [CommandOption("--images <DIR>")]
    [Description("Folder of JPEG/PNG images: registered models predict those not predicted yet, and only these are pooled.")]
    public string? Images { get; init; }

    [CommandOption("--dataset <ID>")]
    [Description("Data set the images belong to (default imagenet-val).")]
    public string DatasetId { get; init; } = StreamNames.ImageNetVal;

    [CommandOption("--top-k <K>")]
    [Description("Labels each model proposes per image (default 5).")]
    public int TopK { get; init; } = PoolingRule.Default.TopK;

    [CommandOption("--min-models <N>")]
    [Description("Drop labels fewer than N models propose (default 2).")]
    public int MinModels { get; init; } = PoolingRule.Default.MinModels;

    [CommandOption("--max-candidates <N>")]
    [Description("Most candidates per image, original label included (default 16).")]
    public int MaxCandidates { get; init; } = PoolingRule.Default.MaxCandidates;

    [CommandOption("--task-size <N>")]
    [Description("Most labels per rating task, 1 to 8 (default 8).")]
    public int TaskSize { get; init; } = PoolingRule.Default.MaxLabelsPerTask;

    [CommandOption("--device <DEVICE>")]
    [Description("auto (CUDA when it starts, else CPU; default), cpu or cuda.")]
    public string Device { get; init; } = "auto";

    [CommandOption("--cpu-threads <N>")]
    [Description("ONNX Runtime threads on the CPU (default 0: one per physical core).")]
    public int CpuThreads { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per inference call (default 32).")]
    public int BatchSize { get; init; } = 32;

    [CommandOption("--json")]
    [Description("Print the run's result as one JSON object.")]
    public bool Json { get; init; }

    [CommandOption("--transport <TRANSPORT>")]
    [Description("Where the rating tasks go: inmemory (default; nothing outside this process hears them) or rabbitmq, to the tools' real.tools.tasks exchange ($REAL_TRANSPORT).")]
    public string? Transport { get; init; }

    [CommandOption("--rabbitmq <URI>")]
    [Description("RabbitMQ amqp:// URI for --transport rabbitmq ($REAL_RABBITMQ).")]
    public string? RabbitMq { get; init; }

    public override Real.Hosting.RealSettings Resolve() => Real.Hosting.RealSettingsResolver.Resolve(Home, Store, Postgres, DataRoot, Transport, RabbitMq);

    public IReadOnlyList<string> ModelIds => [.. Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public PoolingRule Rule => new(TopK, MinModels, MaxCandidates, TaskSize);

    public InferenceOptions Inference => new()
    {
        Device = Device.ToLowerInvariant() switch
        {
            "auto" => InferenceDevice.Auto,
            "cpu" => InferenceDevice.Cpu,
            "cuda" or "gpu" => InferenceDevice.Cuda,
            _ => throw new ArgumentException($"--device '{Device}': use auto, cpu or cuda."),
        },
        CpuThreads = CpuThreads,
        BatchSize = BatchSize,
    };
}
