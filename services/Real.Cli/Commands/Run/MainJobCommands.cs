using Spectre.Console.Cli;

namespace Real.Cli.Commands.Run;

public static class MainJobCommands
{
    public static IConfigurator AddMainJob(this IConfigurator config)
    {
        config.AddCommand<MainJobCommand>("run")
            .WithExample("run")
            .WithExample("run", "--home", "/tmp/real-demo");
        return config;
    }
}
