using Real.Cli.Commands.Aggregation;
using Real.Cli.Commands.Intake;
using Real.Cli.Commands.Proposals;
using Real.Cli.Commands.Reporting;
using Real.Cli.Commands.Run;
using Real.Cli.Commands.Services;
using Real.Cli.Commands.Store;
using Real.Cli;
using Spectre.Console.Cli;

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
return await CliErrors.RunAsync(() => app.RunAsync(args));
