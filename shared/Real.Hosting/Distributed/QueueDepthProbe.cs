using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Real.Hosting.Distributed;

/// <summary>Reads a queue's ready-message count (passive declare) on a connection of its own; 0 while the queue does not exist.</summary>
public sealed class QueueDepthProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly string _queue;

    private QueueDepthProbe(IConnection connection, string queue)
    {
        _connection = connection;
        _queue = queue;
    }

    public static async Task<QueueDepthProbe> ConnectAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "real-queue-depth" };
        return new QueueDepthProbe(await factory.CreateConnectionAsync(cancellationToken), queue);
    }

    public async Task<uint> DepthAsync(CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(_queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}
