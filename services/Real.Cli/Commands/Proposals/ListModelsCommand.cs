using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Real.Proposals.Registering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

[Description("List the registered models at their current versions.")]
public sealed class ListModelsCommand : AsyncCommand<ListModelsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ListModelsSettings settings, CancellationToken cancellationToken)
    {
        var services = await ProposalsCli.BuildAsync(settings.Resolve(), withBus: false, cancellationToken);
        try
        {
            var models = await services.GetRequiredService<ModelCatalog>().ListAsync(cancellationToken);
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { models }, ProposalsCli.Json));
                return 0;
            }

            if (models.Count == 0)
            {
                AnsiConsole.MarkupLine("[grey]no models registered[/] (real models register MODEL FILE.onnx)");
                return 0;
            }

            var table = new Table().AddColumns("model", "version", "data set", "outputs", "kind", "preprocessing", "file");
            foreach (var m in models)
            {
                var p = m.Preprocessing;
                table.AddRow(
                    Markup.Escape(m.ModelId),
                    Markup.Escape(m.Version),
                    Markup.Escape(m.DatasetId),
                    m.ClassMap.Count > 0 ? $"{m.OutputCount} (mapped)" : m.OutputCount.ToString(CultureInfo.InvariantCulture),
                    m.OutputKind.ToString().ToLowerInvariant(),
                    Markup.Escape($"resize {p.ResizeShorterSide} {p.Interpolation.ToString().ToLowerInvariant()}{(p.Antialias ? " aa" : string.Empty)}, crop {p.CropHeight}×{p.CropWidth}, {p.ChannelOrder.ToString().ToLowerInvariant()} {p.Layout.ToString().ToLowerInvariant()}"),
                    Markup.Escape(m.OnnxPath));
            }

            AnsiConsole.Write(table);
            return 0;
        }
        finally
        {
            await ProposalsCli.StopAsync(services);
        }
    }
}
