using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Run;

/// <summary>
/// `real run`: the whole main job on the configured store, as a sequence of the CLI's own verbs — so every step
/// the job takes is one a user can also run (and re-run) by hand. Each step is idempotent.
/// </summary>
[Description("The main job: propose candidates for the demo images, import the ReaL votes, aggregate, export ReaL-format labels, evaluate, report, verify.")]
public sealed class MainJobCommand : AsyncCommand<MainJobSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MainJobSettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        Directory.CreateDirectory(real.Home);
        var plan = MainJobPlan.For(settings, real);
        AnsiConsole.Write(new Rule($"[bold]Real[/] — main job in [blue]{Markup.Escape(real.Home)}[/] ({real.StoreBackend})").LeftJustified());
        var index = 0;
        foreach (var step in plan.Steps)
        {
            index++;
            cancellationToken.ThrowIfCancellationRequested();
            AnsiConsole.Write(new Rule($"[grey]{index}/{plan.Steps.Count}[/] {Markup.Escape(step.Title)}").LeftJustified().RuleStyle("grey"));
            if (step.SkipReason is { } reason)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]skipped: {reason}[/]");
                continue;
            }

            foreach (var arguments in step.Commands)
            {
                var exit = await RealApp.Create().RunAsync(arguments);
                if (exit != 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]step '{step.Title}' failed (exit {exit}); later steps were not run.[/]");
                    return exit;
                }
            }
        }

        await plan.PrintSummaryAsync(cancellationToken);
        return 0;
    }
}
