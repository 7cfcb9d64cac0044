using System.Text.Json;
using Real.Hosting.ErrorQueues;
using Real.Hosting.Messaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

/// <summary>
/// `real errors replay`: sends messages of a queue's _error queue back to it (confirmed by the broker before they
/// are removed). Handlers are idempotent, so replaying a message that had partly succeeded appends nothing twice.
/// </summary>
public sealed class ErrorsReplayCommand : AsyncCommand<ErrorsReplaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsReplaySettings settings, CancellationToken cancellationToken)
    {
        var queue = ErrorQueueNames.QueueOf(settings.Queue);
        ReplayTarget? target = null;
        if (queue == ToolTopology.SubmitQueue)
        {
            // The intake authenticates tools by the routing key on real.tools.submit; a copy sent straight to the queue
            // would look like it came from inside Real and be trusted as whatever tool its body names.
            var tool = settings.AsTool ?? throw new ArgumentException(
                $"Messages of {queue} come from external tools: say which tool you vouch for with --as-tool TOOL (they are re-published to {ToolTopology.SubmitExchange} with that routing key).");
            target = new ReplayTarget(ToolTopology.SubmitExchange, tool);
        }
        else if (settings.AsTool is not null)
        {
            throw new ArgumentException($"--as-tool only applies to the tools' submit queue ({ToolTopology.SubmitQueue}).");
        }

        var ids = settings.MessageIds.ToHashSet(StringComparer.Ordinal);
        await using var client = await settings.ConnectAsync(cancellationToken);
        var outcome = await client.ReplayAsync(queue, target, m => settings.All || (m.MessageId is { } id && ids.Contains(id)), settings.Max, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                error_queue = outcome.ErrorQueue,
                target = outcome.Target,
                replayed = outcome.Replayed,
                left = outcome.Left,
                message_ids = outcome.ReplayedMessageIds,
            }));
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Replayed {outcome.Replayed} message(s) from {outcome.ErrorQueue} to {outcome.Target}; {outcome.Left} left there.");
        }

        var missing = ids.Except(outcome.ReplayedMessageIds.OfType<string>(), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"Not found in {outcome.ErrorQueue}: {string.Join(", ", missing)}");
            return 1;
        }

        return 0;
    }
}
