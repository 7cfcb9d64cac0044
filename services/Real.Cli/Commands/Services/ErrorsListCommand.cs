using System.Text.Json;
using Real.Hosting.ErrorQueues;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

/// <summary>`real errors list`: how many messages wait in each service queue's _error queue, and why they failed.</summary>
public sealed class ErrorsListCommand : AsyncCommand<ErrorsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsListSettings settings, CancellationToken cancellationToken)
    {
        var queues = settings.Queues.Length > 0
            ? settings.Queues.Select(ErrorQueueNames.QueueOf).Distinct(StringComparer.Ordinal).ToList()
            : ServiceCatalog.All.SelectMany(s => s.ReceiveQueues ?? []).Distinct(StringComparer.Ordinal).ToList();
        await using var client = await settings.ConnectAsync(cancellationToken);
        var counts = new List<ErrorQueueCount>();
        var messages = new List<FaultedMessage>();
        foreach (var queue in queues)
        {
            var count = await client.CountAsync(queue, cancellationToken);
            counts.Add(count);
            if (count.Messages > 0 && settings.Show > 0)
            {
                messages.AddRange(await client.PeekAsync(queue, settings.Show, cancellationToken));
            }
        }

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                total = counts.Sum(c => (long)c.Messages),
                queues = counts.Select(c => new { queue = c.Queue, error_queue = c.ErrorQueue, messages = c.Messages, exists = c.Exists }),
                messages = messages.Select(m => new
                {
                    error_queue = m.ErrorQueue,
                    message_id = m.MessageId,
                    message_type = m.MessageType,
                    reason = m.Reason,
                    exception_type = m.ExceptionType,
                    exception_message = m.ExceptionMessage,
                    faulted_at = m.FaultedAt,
                    input_address = m.InputAddress,
                    body_bytes = m.BodyBytes,
                    body_preview = m.BodyPreview,
                }),
            }));
            return 0;
        }

        var table = new Table().AddColumns("queue", "error queue", "messages");
        foreach (var c in counts)
        {
            table.AddRow(Markup.Escape(c.Queue), Markup.Escape(c.ErrorQueue), c.Messages == 0 ? "0" : $"[red]{c.Messages}[/]");
        }

        AnsiConsole.Write(table);
        foreach (var m in messages)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{m.ErrorQueue}[/] {m.MessageId ?? "(no id)"} {m.FaultedAt:u}");
            AnsiConsole.MarkupLineInterpolated($"  reason: {m.Reason ?? "?"}: {m.ExceptionType ?? "?"}: {m.ExceptionMessage ?? ""}");
            AnsiConsole.MarkupLineInterpolated($"  body ({m.BodyBytes} bytes): {m.BodyPreview}");
        }

        if (counts.Sum(c => (long)c.Messages) > 0)
        {
            AnsiConsole.MarkupLine("Re-drive with [bold]real errors replay --queue QUEUE --all[/] (or --message-id ID) once the cause is fixed.");
        }

        return 0;
    }
}
