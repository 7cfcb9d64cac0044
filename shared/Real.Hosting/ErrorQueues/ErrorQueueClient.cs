using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Real.Hosting.ErrorQueues;

/// <summary>
/// Looks into MassTransit's _error queues over plain AMQP and re-drives their messages. Listing never removes a
/// message: it takes them unacknowledged and gives them all back. A replay publishes a copy without the fault
/// headers, waits for the broker's confirm, and only then removes the original, so a crash in between can duplicate
/// a message (handlers are idempotent) but never lose one.
/// </summary>
public sealed class ErrorQueueClient : IAsyncDisposable
{
    public const string ReplayedFromHeader = "Real-Replayed-From";
    public const string ReplayCountHeader = "Real-Replay-Count";

    private readonly IConnection _connection;

    private ErrorQueueClient(IConnection connection) => _connection = connection;

    public static async Task<ErrorQueueClient> ConnectAsync(Uri broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "real-errors" };
        try
        {
            return new ErrorQueueClient(await factory.CreateConnectionAsync(cancellationToken));
        }
        catch (BrokerUnreachableException ex)
        {
            throw new InvalidOperationException($"Cannot reach RabbitMQ at {broker.Host}:{broker.Port} (vhost {broker.AbsolutePath}): {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    /// <summary>Messages waiting in "{queue}_error"; a missing error queue counts 0 (nothing ever failed there).</summary>
    public async Task<ErrorQueueCount> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var errorQueue = ErrorQueueNames.ErrorQueueOf(queue);
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
            return new ErrorQueueCount(ErrorQueueNames.QueueOf(queue), errorQueue, declared.MessageCount, true);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return new ErrorQueueCount(ErrorQueueNames.QueueOf(queue), errorQueue, 0, false);
        }
    }

    /// <summary>Up to <paramref name="max"/> messages of "{queue}_error", oldest first, left in the queue.</summary>
    public async Task<IReadOnlyList<FaultedMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var count = await CountAsync(queue, cancellationToken);
        var messages = new List<FaultedMessage>();
        if (count.Messages == 0)
        {
            return messages;
        }

        // Unacknowledged gets on one channel, then closing it hands every message back in its place.
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        while (messages.Count < Math.Min(max, count.Messages))
        {
            var got = await channel.BasicGetAsync(count.ErrorQueue, autoAck: false, cancellationToken);
            if (got is null)
            {
                break;
            }

            messages.Add(Describe(count.ErrorQueue, got));
        }

        await channel.CloseAsync(cancellationToken);
        return messages;
    }

    /// <summary>
    /// Moves the messages of "{queue}_error" that <paramref name="select"/> accepts (at most <paramref name="max"/>)
    /// back to <paramref name="target"/> (default: the queue itself). Only the messages present when the replay
    /// starts are looked at, so a message that fails again is not replayed twice in one call.
    /// </summary>
    public async Task<ReplayOutcome> ReplayAsync(string queue, ReplayTarget? target, Func<FaultedMessage, bool> select, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(select);
        var count = await CountAsync(queue, cancellationToken);
        target ??= ReplayTarget.Queue(count.Queue);
        var replayed = new List<string?>();
        var left = 0;
        if (count.Messages == 0)
        {
            return new ReplayOutcome(count.ErrorQueue, target.ToString(), 0, 0, replayed);
        }

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await _connection.CreateChannelAsync(options, cancellationToken);
        for (var seen = 0u; seen < count.Messages; seen++)
        {
            var got = await channel.BasicGetAsync(count.ErrorQueue, autoAck: false, cancellationToken);
            if (got is null)
            {
                break;
            }

            var message = Describe(count.ErrorQueue, got);
            if (replayed.Count >= max || !select(message))
            {
                left++;
                continue; // held unacknowledged until the channel closes, then back in place
            }

            var properties = WithoutFaultHeaders(got.BasicProperties, count.ErrorQueue);

            // Mandatory: a target that routes nowhere is an error (PublishException), not a silent loss.
            await channel.BasicPublishAsync(target.Exchange, target.RoutingKey, mandatory: true, properties, got.Body, cancellationToken);
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
            replayed.Add(message.MessageId);
        }

        await channel.CloseAsync(cancellationToken);
        return new ReplayOutcome(count.ErrorQueue, target.ToString(), replayed.Count, left, replayed);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private static BasicProperties WithoutFaultHeaders(IReadOnlyBasicProperties source, string errorQueue)
    {
        var copy = new BasicProperties(source);
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        var replays = 0;
        foreach (var (name, value) in source.Headers ?? new Dictionary<string, object?>())
        {
            if (name == ReplayCountHeader)
            {
                replays = value is int n ? n : int.TryParse(value is byte[] b ? Encoding.UTF8.GetString(b) : value?.ToString(), out var parsed) ? parsed : 0;
            }
            else if (!FaultHeaders.IsFaultHeader(name))
            {
                headers[name] = value;
            }
        }

        headers[ReplayedFromHeader] = Encoding.UTF8.GetBytes(errorQueue);
        headers[ReplayCountHeader] = replays + 1;
        copy.Headers = headers;
        copy.Persistent = true;
        return copy;
    }

    private static FaultedMessage Describe(string errorQueue, BasicGetResult got)
    {
        var p = got.BasicProperties;
        DateTimeOffset? at = DateTimeOffset.TryParse(FaultHeaders.Text(p, FaultHeaders.Timestamp), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        var body = got.Body.Span;
        var previewBytes = body[..Math.Min(body.Length, 400)];
        var preview = Encoding.UTF8.GetString(previewBytes).ReplaceLineEndings(" ");
        return new FaultedMessage(
            errorQueue,
            p.MessageId,
            FaultHeaders.Text(p, FaultHeaders.MessageType) ?? p.Type,
            FaultHeaders.Text(p, FaultHeaders.Reason),
            FaultHeaders.Text(p, FaultHeaders.ExceptionType),
            FaultHeaders.Text(p, FaultHeaders.Message),
            at,
            FaultHeaders.Text(p, FaultHeaders.InputAddress),
            body.Length,
            body.Length > previewBytes.Length ? preview + "…" : preview);
    }
}
