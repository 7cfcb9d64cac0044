using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

public static class StoreCommands
{
    public static IConfigurator AddStoreCommands(this IConfigurator config)
    {
        config.AddCommand<VerifyCommand>("verify")
            .WithDescription("Walk the event log's hash chain: OK with the head hash, or the first altered, removed or reordered position (exit 1).")
            .WithExample("verify")
            .WithExample("verify", "--store", "postgres", "--json");
        return config;
    }

    public static IConfigurator<CommandSettings> AddStoreBenchmarks(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<StoreBenchCommand>("store")
            .WithDescription("Append then read N events on a fresh store; prints append_per_s, read_per_s, peak_rss_mb.")
            .WithExample("bench", "store", "--backend", "sqlite", "--events", "1000000", "--batch", "1000", "--json");
        return branch;
    }
}
