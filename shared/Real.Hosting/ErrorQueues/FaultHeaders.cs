using System.Text;
using RabbitMQ.Client;

namespace Real.Hosting.ErrorQueues;

/// <summary>Reads the headers MassTransit writes when it moves a message to an _error queue.</summary>
public static class FaultHeaders
{
    public const string Reason = "MT-Reason";
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string StackTrace = "MT-Fault-StackTrace";
    public const string Timestamp = "MT-Fault-Timestamp";
    public const string InputAddress = "MT-Fault-InputAddress";
    public const string MessageType = "MT-MessageType";

    /// <summary>Header name prefixes a replay removes, so the message looks fresh to the consumer (and the next fault writes its own).</summary>
    public static readonly string[] FaultPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-"];

    public static string? Text(IReadOnlyBasicProperties properties, string name)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (properties.Headers is null || !properties.Headers.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static bool IsFaultHeader(string name) => FaultPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
