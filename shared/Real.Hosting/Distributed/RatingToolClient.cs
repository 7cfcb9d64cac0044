using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Real.Hosting.Distributed;

/// <summary>
/// A rating tool as docs/rating-tool-protocol.md describes it, in C# with the plain AMQP client (no MassTransit):
/// publishes SubmitRatings bodies to real.tools.submit with its id as routing key, persistent, mandatory and with
/// publisher confirms (a publish returns only once the broker has the message), and tallies the replies on its own
/// queue. The trace context of the current span travels in the Diagnostic-Id header, so Real's spans and events
/// join the tool's trace. Used by the load benchmark and the distributed tests.
/// </summary>
public sealed class RatingToolClient : IAsyncDisposable
{
    public const string SubmitExchange = "real.tools.submit";
    public const string RepliesExchange = "real.tools.replies";

    private readonly IConnection _connection;
    private readonly IChannel _publish;
    private readonly IChannel _replies;
    private readonly SemaphoreSlim _window;

    private RatingToolClient(string toolId, IConnection connection, IChannel publish, IChannel replies, int window)
    {
        ToolId = toolId;
        _connection = connection;
        _publish = publish;
        _replies = replies;
        _window = new SemaphoreSlim(window, window);
    }

    public string ToolId { get; }

    public ReplyTally Replies { get; } = new();

    /// <param name="window">Publishes awaiting their confirm at once (pipelining; bounds memory).</param>
    public static async Task<RatingToolClient> ConnectAsync(Uri broker, string toolId, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new ConnectionFactory
        {
            Uri = broker,
            ClientProvidedName = $"real-tool-{toolId}",
            AutomaticRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var publish = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replies = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var client = new RatingToolClient(toolId, connection, publish, replies, window);
        await client.ListenForRepliesAsync(cancellationToken);
        return client;
    }

    /// <summary>How long a publish keeps retrying while the broker is unreachable (then it throws).</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Publishes one batch and returns when the broker confirmed it. While the connection is down (a broker restart)
    /// or a publish is not confirmed, it waits for the client's automatic recovery and publishes again: a batch may
    /// then reach Real twice, which records nothing twice (rating ids make submissions idempotent), but never zero times.
    /// </summary>
    public async Task PublishAsync(ReadOnlyMemory<byte> body, string messageId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await PublishOnceAsync(body, messageId, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException
                or RabbitMQ.Client.Exceptions.PublishException or IOException or ObjectDisposedException && clock.Elapsed < RetryFor && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 3000));
            }
        }
    }

    private async Task PublishOnceAsync(ReadOnlyMemory<byte> body, string messageId, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken);
        try
        {
            var properties = new BasicProperties
            {
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
                MessageId = messageId,
            };
            if (Activity.Current is { } activity)
            {
                properties.Headers = new Dictionary<string, object?> { ["Diagnostic-Id"] = activity.Id };
            }

            await _publish.BasicPublishAsync(SubmitExchange, ToolId, mandatory: true, properties, body, cancellationToken);
        }
        finally
        {
            _window.Release();
        }
    }

    /// <summary>Waits until replies to at least <paramref name="batches"/> batches arrived.</summary>
    public async Task WaitForRepliesAsync(long batches, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Replies.Batches < batches)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Tool {ToolId}: {Replies.Batches} of {batches} batches answered after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _publish.DisposeAsync();
        await _replies.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
        _window.Dispose();
    }

    private async Task ListenForRepliesAsync(CancellationToken cancellationToken)
    {
        // A queue of the tool's own (real.tools.TOOL.*), bound with its id: only its replies reach it. The exchange is
        // declared by the intake service (tools may not declare it).
        var queue = $"real.tools.{ToolId}.replies-{Guid.NewGuid():N}";
        await _replies.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await _replies.QueueBindAsync(queue, RepliesExchange, ToolId, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(_replies);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Tally(delivery.Body.Span);
            return Task.CompletedTask;
        };
        await _replies.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
    }

    private void Tally(ReadOnlySpan<byte> body)
    {
        using var reply = JsonDocument.Parse(body.ToArray());
        int Count(string name) => reply.RootElement.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;
        Replies.Add(Count("accepted"), Count("duplicates"), Count("rejected"), Count("batchErrors"));
    }
}
