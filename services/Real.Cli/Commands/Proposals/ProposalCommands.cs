using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

/// <summary>The proposals service's verbs: `models register|list`, `propose`, `import predictions`, `bench proposals`.</summary>
public static class ProposalCommands
{
    public static IConfigurator AddProposalCommands(this IConfigurator config)
    {
        config.AddBranch("models", models =>
        {
            models.SetDescription("Register and list the ONNX classifiers proposals are made with.");
            models.AddCommand<RegisterModelCommand>("register")
                .WithExample("models", "register", "resnet50", "resnet50.onnx", "--interpolation", "bilinear");
            models.AddCommand<ListModelsCommand>("list");
        });
        config.AddCommand<ProposeCommand>("propose")
            .WithExample("propose", "--models", "resnet50,vit-b16,effnet-b0", "--images", "/data/imagenet/val");
        return config;
    }

    public static IConfigurator<CommandSettings> AddProposalImports(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<ImportPredictionsCommand>("predictions")
            .WithExample("import", "predictions", "--model", "resnet50", "resnet50-logits.npy");
        return branch;
    }

    public static IConfigurator<CommandSettings> AddProposalBenchmarks(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<BenchProposalsCommand>("proposals");
        return branch;
    }
}
