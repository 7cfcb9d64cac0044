using System.ComponentModel;
using Real.Reporting;
using Real.Reporting.Dashboard;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Reporting;

/// <summary>`real serve`: the read-only web dashboard on 127.0.0.1.</summary>
[Description("Start the web dashboard on 127.0.0.1: label-set versions, one image's derivation, diffs, image search.")]
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : RealCommandSettings
    {
        [CommandOption("--port <N>")]
        [Description("TCP port on 127.0.0.1 (default 5080).")]
        public int Port { get; init; } = 5080;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"--port {settings.Port} is not a TCP port (1..65535).");
        }

        await using var reporting = await ReportingContext.OpenAsync(settings.Resolve(), cancellationToken);
        await using var app = DashboardServer.Build(reporting, settings.Port);
        await app.StartAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Dashboard on [link]http://127.0.0.1:{settings.Port}/[/] — Ctrl+C to stop.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
