using Spectre.Console.Cli;

namespace Real.Cli.Commands.Intake;

/// <summary>The rating intake's verbs: `import real-votes`, `import ratings`, `bench ingest` and `bench bus`.</summary>
public static class IntakeCommands
{
    public static IConfigurator AddIntakeCommands(this IConfigurator config) => config;

    public static IConfigurator<CommandSettings> AddIntakeImports(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<ImportRealVotesCommand>("real-votes")
            .WithDescription("Import the ReaL study's votes (raters.npz, golden.npz, raters_golden.npz) as ratings; idempotent.")
            .WithExample("import", "real-votes")
            .WithExample("import", "real-votes", "../shared/data/real", "--home", "/tmp/real-demo");
        branch.AddCommand<ImportRatingsCommand>("ratings")
            .WithDescription("Import ratings from a CSV or JSON Lines file through the intake's validation; partial acceptance.")
            .WithExample("import", "ratings", "ratings.csv", "--tool", "acme")
            .WithExample("import", "ratings", "ratings.jsonl", "--tool", "panel", "--role", "expert");
        return branch;
    }

    public static IConfigurator<CommandSettings> AddIntakeBenchmarks(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<IngestBenchCommand>("ingest")
            .WithDescription("Import the full ReaL votes into a fresh embedded store; prints ratings, seconds, ratings_per_s, peak_rss_mb.")
            .WithExample("bench", "ingest", "--json");
        branch.AddCommand<BusIngestBenchCommand>("bus")
            .WithDescription("Submit synthetic ratings in batches through the in-memory bus to the intake consumer; prints ratings_per_s, peak_rss_mb.")
            .WithExample("bench", "bus", "--ratings", "1000000", "--json");
        return branch;
    }
}
