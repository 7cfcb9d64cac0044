using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public static class ServiceCommands
{
    public static IConfigurator AddServiceCommands(this IConfigurator config)
    {
        config.AddCommand<ServiceCommand>("service")
            .WithDescription("Run one service as its own process (distributed mode): rating-intake, proposals, aggregation or reporting; /health on --port.")
            .WithExample("service", "rating-intake", "--port", "8081")
            .WithExample("service", "aggregation", "--store", "postgres", "--transport", "rabbitmq");
        config.AddBranch("errors", errors =>
        {
            errors.SetDescription("Messages that failed into RabbitMQ _error queues: list them with their reasons, replay them.");
            errors.AddCommand<ErrorsListCommand>("list")
                .WithDescription("Count the messages in each service queue's _error queue and show why they failed.")
                .WithExample("errors", "list")
                .WithExample("errors", "list", "--queue", "real.ratings.submit", "--json");
            errors.AddCommand<ErrorsReplayCommand>("replay")
                .WithDescription("Send messages of an _error queue back to their queue (after fixing the cause).")
                .WithExample("errors", "replay", "--queue", "run-aggregation", "--all")
                .WithExample("errors", "replay", "--queue", "real.ratings.submit", "--message-id", "ID", "--as-tool", "labeler");
        });
        return config;
    }

    public static IConfigurator<CommandSettings> AddServiceBenchmarks(this IConfigurator<CommandSettings> branch)
    {
        branch.AddCommand<BenchDistributedCommand>("distributed")
            .WithDescription("Push N ratings through RabbitMQ into the rating-intake process and PostgreSQL; prints ratings_per_s, peak memory, losses.")
            .WithExample("bench", "distributed", "--ratings", "1000000", "--json");
        return branch;
    }
}
