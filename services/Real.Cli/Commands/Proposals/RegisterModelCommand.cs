using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Real.Proposals.Registering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Proposals;

[Description("Register an ONNX classifier (checks that it runs with the preprocessing and maps onto the data set's classes).")]
public sealed class RegisterModelCommand : AsyncCommand<RegisterModelSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegisterModelSettings settings, CancellationToken cancellationToken)
    {
        var command = new RegisterModel
        {
            ModelId = settings.ModelId,
            OnnxPath = settings.OnnxPath,
            DatasetId = settings.DatasetId,
            Version = settings.Version,
            InputName = settings.InputName,
            OutputName = settings.OutputName,
            OutputKind = settings.ParseKind(),
            Preprocessing = settings.ParsePreprocessing(),
            ClassMap = settings.ClassMap is { } map ? ClassMapFile.Read(map) : [],
        };
        var services = await ProposalsCli.BuildAsync(settings.Resolve(), withBus: false, cancellationToken);
        try
        {
            var result = await ProposalsCli.UserFacing(() => services.GetRequiredService<ModelRegistrar>().RegisterAsync(command, cancellationToken));
            var model = result.Model;
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { registered = result.Appended, model }, ProposalsCli.Json));
                return 0;
            }

            if (result.Appended)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[green]registered[/] {model.ModelId} [blue]{model.Version}[/]: {model.OutputCount} outputs ({model.OutputKind.ToString().ToLowerInvariant()}), input '{model.InputName}' [[{string.Join(", ", model.InputShape)}]]");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]already registered[/] {model.ModelId} [blue]{model.Version}[/]: nothing appended");
            }
            return 0;
        }
        finally
        {
            await ProposalsCli.StopAsync(services);
        }
    }
}
