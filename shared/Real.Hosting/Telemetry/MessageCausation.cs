using System.Diagnostics;

namespace Real.Hosting.Telemetry;

/// <summary>
/// What the current trace knows about the message being handled, read from the ambient <see cref="Activity"/>:
/// the trace id (the correlation that follows a message across processes) and the id of the message whose consumer
/// is running (from MassTransit's consume span, which tags it as <c>messaging.message.id</c>).
/// </summary>
public static class MessageCausation
{
    /// <summary>The tag MassTransit 8 puts the consumed message's id under (OpenTelemetry messaging conventions).</summary>
    public const string MessageIdTag = "messaging.message.id";

    /// <summary>The W3C trace id of the current span (32 hex digits), or null outside any trace.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;

    /// <summary>The id of the message the nearest enclosing consume span handles, or null when no consumer is running.</summary>
    public static string? CurrentMessageId()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.GetTagItem(MessageIdTag) is { } id && id.ToString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }
}
