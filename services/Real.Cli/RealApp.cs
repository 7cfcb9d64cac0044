using Real.Cli.Commands.Aggregation;
using Real.Cli.Commands.Intake;
using Real.Cli.Commands.Proposals;
using Real.Cli.Commands.Reporting;
using Real.Cli.Commands.Run;
using Real.Cli.Commands.Services;
using Real.Cli.Commands.Store;
using Spectre.Console.Cli;

namespace Real.Cli;

/// <summary>The `real` command tree. Program.cs runs it; the main job (`real run`) runs verbs of it in sequence.</summary>
public static class RealApp
{
    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("real");
            config.PropagateExceptions();
            config.AddMainJob();
            config.AddStoreCommands();
            config.AddIntakeCommands();
            config.AddAggregationCommands();
            config.AddProposalCommands();
            config.AddReportingCommands();
            config.AddServiceCommands();
            config.AddBranches();
        });
        return app;
    }
}
