namespace Real.Hosting.Messaging;

/// <summary>
/// The RabbitMQ names external rating tools use (docs/rating-tool-protocol.md). They are part of the public protocol:
/// never rename them without a new protocol version. Everything a tool may touch starts with "real.tools.".
/// </summary>
public static class ToolTopology
{
    /// <summary>Topic exchange tools publish SubmitRatings to; the routing key must be the tool's id (RabbitMQ enforces it with topic permissions).</summary>
    public const string SubmitExchange = "real.tools.submit";

    /// <summary>Topic exchange replies (RatingsAccepted / RatingsRejected) are published to, routing key = the tool's id.</summary>
    public const string RepliesExchange = "real.tools.replies";

    /// <summary>Fanout exchange RatingTaskCreated is published to as plain JSON; each tool binds its own queue.</summary>
    public const string TasksExchange = "real.tools.tasks";

    /// <summary>The queue the intake service consumes submissions from (bound to <see cref="SubmitExchange"/> with "#"). Tools never touch it directly.</summary>
    public const string SubmitQueue = "real.ratings.submit";

    /// <summary>Prefix of the queues a tool may declare, bind and read: "real.tools.{toolId}.".</summary>
    public static string ToolQueuePrefix(string toolId) => $"real.tools.{toolId}.";

    /// <summary>
    /// Tool ids are AMQP routing keys, RabbitMQ user names, stream-name suffixes and rater-id prefixes at once, so
    /// they are kept to a safe alphabet: lowercase letters, digits, '_' and '-' ... no '.', ':' or spaces; 1 to 64 characters.
    /// </summary>
    public static bool IsValidToolId(string? toolId) =>
        toolId is { Length: > 0 and <= 64 } && toolId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');
}
