using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>The reporting verbs: evaluate, report, explain, serve, and `import labelset`.</summary>
public static class ReportingCommands
{
    public static IConfigurator AddReportingCommands(this IConfigurator config)
    {
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithExample("evaluate", "--predictions", "original", "--labelset", "latest", "--json")
            .WithExample("evaluate", "--predictions", "preds/", "--labelset", "real.json");
        config.AddCommand<ReportCommand>("report").WithExample("report", "--out", "report/");
        config.AddCommand<ExplainCommand>("explain").WithExample("explain", "ILSVRC2012_val_00000001.JPEG", "65");
        config.AddCommand<ServeCommand>("serve").WithExample("serve", "--port", "5080");
        return config;
    }

    public static IConfigurator<CommandSettings> AddReportingImports(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<ImportLabelSetCommand>("labelset").WithExample("import", "labelset", "--format", "real-json", "real.json");
        return branch;
    }
}
