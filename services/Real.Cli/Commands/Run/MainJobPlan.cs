using Real.Hosting;
using Real.Reporting;
using Real.Reporting.Evaluate;
using Spectre.Console;

namespace Real.Cli.Commands.Run;

/// <summary>The steps of the main job and where they leave their outputs inside the home directory.</summary>
public sealed class MainJobPlan
{
    private MainJobPlan(RealSettings real, IReadOnlyList<MainJobStep> steps)
    {
        Real = real;
        Steps = steps;
    }

    public RealSettings Real { get; }

    public IReadOnlyList<MainJobStep> Steps { get; }

    public string LabelsFile => LabelsFileIn(Real);

    public string ReportDirectory => ReportDirectoryIn(Real);

    public static MainJobPlan For(MainJobSettings settings, RealSettings real)
    {
        string[] With(params string[] verb) => [.. verb, .. CommonOptions(real)];
        var steps = new List<MainJobStep>
        {
            DemoProposals(settings.Demo, With),
            new("Import the ReaL votes (idempotent)", With("import", "real-votes", real.RealVotesDirectory)),
            new($"Aggregate with {settings.Rule}", With("aggregate", "--rule", settings.Rule)),
            new("Export the label set in the ReaL format", With("export", "labels", "--labelset", "latest", "--format", "real-json", "--out", LabelsFileIn(real))),
            new("Evaluate the original labels as a model", With("evaluate", "--predictions", "original", "--labelset", "latest")),
            new("Write the report", With("report", "--out", ReportDirectoryIn(real))),
            new("Verify the event log's hash chain", With("verify")),
        };
        return new MainJobPlan(real, steps);
    }

    /// <summary>The demo models are tiny and random, so their candidates mean nothing; the step shows the proposal path.</summary>
    public static readonly string[] DemoModels = ["tiny-a", "tiny-b", "tiny-c"];

    private static MainJobStep DemoProposals(string demo, Func<string[], string[]> with)
    {
        const string title = "Propose rating tasks for the demo images with the demo models";
        var images = Path.Combine(demo, "images");
        var missing = DemoModels.Select(m => Path.Combine(demo, "models", m + ".onnx")).Append(images)
            .FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            return new MainJobStep(title, [], $"{missing} does not exist (make run builds the demo with tests/tools/make_onnx_models.py)");
        }

        var commands = DemoModels
            .Select(m => with(["models", "register", m, Path.Combine(demo, "models", m + ".onnx")]))
            .Append(with(["propose", "--models", string.Join(',', DemoModels), "--images", images]))
            .ToList();
        return new MainJobStep(title, commands);
    }

    public async Task PrintSummaryAsync(CancellationToken cancellationToken)
    {
        await using var reporting = await ReportingContext.OpenAsync(Real, cancellationToken);
        var run = await new EvaluatePredictionsHandler(reporting)
            .HandleAsync(new EvaluatePredictions(EvaluatePredictions.OriginalLabels, "latest"), cancellationToken: cancellationToken);
        var original = run.Models[0];
        var stats = run.LabelSet;
        var headline = new Table().Title("[bold]headline[/]").AddColumns("figure", "value");
        headline.AddRow("label set", Markup.Escape(run.LabelSetId));
        headline.AddRow("evaluated images (non-empty label set)", $"{stats.EvaluatedImages:N0} of {stats.Images:N0}");
        headline.AddRow("multi-label share", $"{stats.MultiLabelShare:P1}");
        headline.AddRow("ReaL top-1 of the original labels", $"{original.ReaLTop1:P2}");
        headline.AddRow("original-label top-1 (by definition)", $"{original.OriginalTop1:P0}");
        AnsiConsole.Write(headline);

        var table = new Table().AddColumns("what", "where");
        table.AddRow("ReaL-format labels", Markup.Escape(LabelsFile));
        table.AddRow("HTML report", Markup.Escape(Path.Combine(ReportDirectory, "index.html")));
        table.AddRow("event store", Markup.Escape(Real.StoreBackend == "sqlite" ? Real.SqlitePath : "postgres"));
        AnsiConsole.Write(table);
    }

    private static string LabelsFileIn(RealSettings real) => Path.Combine(real.Home, "exports", "real-labels.json");

    private static string ReportDirectoryIn(RealSettings real) => Path.Combine(real.Home, "report");

    private static IEnumerable<string> CommonOptions(RealSettings real)
    {
        yield return "--home";
        yield return real.Home;
        yield return "--data";
        yield return real.DataRoot;
        yield return "--store";
        yield return real.StoreBackend;
        if (real.PostgresConnectionString is { } pg)
        {
            yield return "--pg";
            yield return pg;
        }
    }
}
