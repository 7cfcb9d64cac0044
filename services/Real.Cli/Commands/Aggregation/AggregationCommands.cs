using Spectre.Console.Cli;

namespace Real.Cli.Commands.Aggregation;

/// <summary>The aggregation verbs: aggregate, labelsets list|diff|golden, export labels|scores, bench aggregate|replay.</summary>
public static class AggregationCommands
{
    public static IConfigurator AddAggregationCommands(this IConfigurator config)
    {
        config.AddCommand<AggregateCommand>("aggregate")
            .WithExample("aggregate")
            .WithExample("aggregate", "--rule", "dawid-skene", "--param", "threshold=0.8", "--as-of", "1000000")
            .WithExample("aggregate", "--rule", "majority", "--param", "threshold=0.6");
        config.AddBranch("labelsets", labelSets =>
        {
            labelSets.SetDescription("Label-set versions: list, compare, evaluate against the experts.");
            labelSets.AddCommand<LabelSetsListCommand>("list");
            labelSets.AddCommand<LabelSetsDiffCommand>("diff").WithExample("labelsets", "diff", "latest~1", "latest");
            labelSets.AddCommand<LabelSetsGoldenCommand>("golden").WithExample("labelsets", "golden", "latest", "--curve", "pr.csv");
        });
        return config;
    }

    public static IConfigurator<CommandSettings> AddAggregationExports(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<ExportLabelsCommand>("labels")
            .WithExample("export", "labels", "--labelset", "latest", "--format", "real-json", "--out", "real.json");
        branch.AddCommand<ExportScoresCommand>("scores")
            .WithExample("export", "scores", "--labelset", "latest", "--out", "scores.csv");
        return branch;
    }

    public static IConfigurator<CommandSettings> AddAggregationBenchmarks(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<BenchAggregateCommand>("aggregate").WithExample("bench", "aggregate", "--json");
        branch.AddCommand<BenchReplayCommand>("replay").WithExample("bench", "replay", "--json");
        return branch;
    }
}
