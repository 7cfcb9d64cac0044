using System.Text.Json;
using Real.EventStore.Integrity;
using Real.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Store;

/// <summary>`real verify`: walks the hash chain of the whole log; exit 0 and the head hash when intact, else the first bad position and exit 1.</summary>
public sealed class VerifyCommand : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        var real = settings.Resolve();
        var store = await EventStoreFactory.OpenAsync(real, cancellationToken);
        try
        {
            var head = await store.GetHeadPositionAsync(cancellationToken);
            ReadOnlyMemory<byte>? expected = null;
            if (settings.ExpectHead is not null)
            {
                expected = Convert.FromHexString(settings.ExpectHead);
            }

            ChainVerification result;
            if (settings.Json || head < 200_000)
            {
                result = await new ChainVerifier(store).VerifyAsync(expected, settings.ExpectPosition, cancellationToken);
            }
            else
            {
                result = await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("verifying the hash chain", maxValue: head);
                    var verifier = new ChainVerifier(store) { Progress = position => task.Value = position };
                    var outcome = await verifier.VerifyAsync(expected, settings.ExpectPosition, cancellationToken);
                    task.Value = head;
                    return outcome;
                });
            }

            Report(result, store.Backend, settings.Json);
            return result.IsIntact ? 0 : 1;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Report(ChainVerification result, string backend, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                ok = result.IsIntact,
                backend,
                events = result.EventsChecked,
                head_position = result.HeadPosition,
                head_hash = result.HeadHashHex,
                bad_position = result.Violation?.Position,
                kind = result.Violation?.Kind.ToString(),
                reason = result.Violation?.Reason,
            }, JsonOutput));
            return;
        }

        if (result.Violation is { } violation)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]FAILED[/] at position [bold]{violation.Position}[/] ({violation.Kind}): {violation.Reason}");
            AnsiConsole.MarkupLineInterpolated($"the chain is intact up to position {result.HeadPosition} ({result.EventsChecked} events), hash {result.HeadHashHex}");
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]OK[/] {result.EventsChecked} events verified ({backend}), head position {result.HeadPosition}");
        AnsiConsole.MarkupLineInterpolated($"head hash {result.HeadHashHex}");
    }
}
