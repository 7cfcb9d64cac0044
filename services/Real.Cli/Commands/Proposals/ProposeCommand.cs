using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Real.Proposals.Pooling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

[Description("Generate proposals: run the models over a folder of images, pool their top-k, issue rating tasks.")]
public sealed class ProposeCommand : AsyncCommand<ProposeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposeSettings settings, CancellationToken cancellationToken)
    {
        var request = new ProposeRequest
        {
            DatasetId = settings.DatasetId,
            ModelIds = settings.ModelIds,
            ImagesDirectory = settings.Images,
            Rule = settings.Rule,
            Inference = settings.Inference,
            CorrelationId = $"cli/{Guid.NewGuid():N}",
        };
        var services = await ProposalsCli.BuildAsync(settings.Resolve(), withBus: true, cancellationToken);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<ProposalRunner>();
            var result = settings.Json || !AnsiConsole.Profile.Capabilities.Interactive
                ? await ProposalsCli.UserFacing(() => runner.RunAsync(request, null, cancellationToken))
                : await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var bars = new Dictionary<string, ProgressTask>();
                        var reporter = new Progress<ProposalProgress>(p =>
                        {
                            if (!bars.TryGetValue(p.Stage, out var bar))
                            {
                                bars[p.Stage] = bar = progress.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                            }

                            bar.Value = p.Done;
                        });
                        return await ProposalsCli.UserFacing(() => runner.RunAsync(request, reporter, cancellationToken));
                    });

            var failures = result.Generation.SelectMany(g => g.Failures.Select(f => (g.Model.ModelId, f.File, f.Reason))).ToArray();
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, ProposalsCli.Json));
            }
            else
            {
                Print(result, failures);
            }

            // Valid images were predicted and pooled; a bad file still makes the run's exit code say so.
            return failures.Length > 0 ? 2 : 0;
        }
        finally
        {
            await ProposalsCli.StopAsync(services);
        }
    }

    private static void Print(ProposalRunResult result, IReadOnlyList<(string Model, string File, string Reason)> failures)
    {
        var models = new Table().AddColumns("model", "version", "device", "predicted now", "already recorded", "failed", "seconds");
        foreach (var g in result.Generation)
        {
            models.AddRow(
                Markup.Escape(g.Model.ModelId), Markup.Escape(g.Model.Version), g.Device, $"{g.Computed}", $"{g.AlreadyRecorded}", $"{g.Failures.Count}", $"{g.Elapsed.TotalSeconds:F1}");
        }

        if (result.Generation.Count > 0)
        {
            AnsiConsole.Write(models);
        }

        var summary = new Table().AddColumns("run", "images", "sent for rating", "keep original", "tasks", "questions", "events appended", "tasks published");
        summary.AddRow(result.RunId, $"{result.Images}", $"{result.ImagesSent}", $"{result.ImagesKeepingOriginal}", $"{result.Tasks}", $"{result.Questions}", $"{result.EventsAppended}", $"{result.TasksPublished}");
        AnsiConsole.Write(summary);
        foreach (var (model, file, reason) in failures.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]skipped[/] {file} ({model}): {reason}");
        }

        if (failures.Count > 20)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]... and {failures.Count - 20} more skipped files[/]");
        }
    }
}
