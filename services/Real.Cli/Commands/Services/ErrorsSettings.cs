using System.ComponentModel;
using Real.Hosting;
using Real.Hosting.ErrorQueues;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

/// <summary>Options shared by `real errors list` and `real errors replay`.</summary>
public class ErrorsSettings : RealCommandSettings
{
    [CommandOption("--rabbitmq <URI>")]
    [Description("RabbitMQ amqp:// URI, with the virtual host as path ($REAL_RABBITMQ).")]
    public string? RabbitMq { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object instead of tables.")]
    public bool Json { get; init; }

    /// <summary>Connects to the broker, turning refusals (wrong credentials, no access to the vhost) into one clear line.</summary>
    public async Task<ErrorQueueClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var broker = ResolveBroker();
        try
        {
            var client = await ErrorQueueClient.ConnectAsync(broker, cancellationToken);
            await client.CountAsync("real.connection-check", cancellationToken);
            return client;
        }
        catch (Exception ex) when (ex is InvalidOperationException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            throw new UserFacingException($"RabbitMQ at {RealSettingsRedaction.Redact(broker.ToString())}: {ex.Message}", ex);
        }
    }

    public Uri ResolveBroker()
    {
        var uri = RabbitMq ?? (Environment.GetEnvironmentVariable("REAL_RABBITMQ") is { Length: > 0 } env ? env : null)
            ?? throw new ArgumentException("The error queues live in RabbitMQ: pass --rabbitmq or set REAL_RABBITMQ (make services-up prints one).");
        return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "amqp" or "amqps"
            ? parsed
            : throw new ArgumentException($"--rabbitmq / REAL_RABBITMQ is not an amqp:// URI: '{RealSettingsRedaction.Redact(uri)}'.");
    }
}
