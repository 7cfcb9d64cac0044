using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Real.Proposals.Importing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

[Description("Import a model's predictions made elsewhere (.npy scores or .csv top-k) as PredictionsRecorded events.")]
public sealed class ImportPredictionsCommand : AsyncCommand<ImportPredictionsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportPredictionsSettings settings, CancellationToken cancellationToken)
    {
        var command = new ImportPredictions
        {
            ModelId = settings.Model,
            File = settings.File,
            DatasetId = settings.DatasetId,
            Version = settings.Version,
            ScoreKind = settings.ParseScoreKind(),
            ImageListFile = settings.ImageList,
            TopK = settings.TopK,
        };
        var services = await ProposalsCli.BuildAsync(settings.Resolve(), withBus: false, cancellationToken);
        try
        {
            var result = await ProposalsCli.UserFacing(() => services.GetRequiredService<PredictionImporter>().ImportAsync(command, cancellationToken));
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, ProposalsCli.Json));
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(
                $"[green]imported[/] {result.Images} images' top-{result.TopK} for {result.Model.ModelId} [blue]{result.Model.Version}[/] from {result.Format} ({result.EventsAppended} events appended{(result.EventsAppended == 0 ? ": already imported" : string.Empty)})");
            return 0;
        }
        finally
        {
            await ProposalsCli.StopAsync(services);
        }
    }
}
