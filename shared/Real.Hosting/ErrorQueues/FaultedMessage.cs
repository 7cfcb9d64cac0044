namespace Real.Hosting.ErrorQueues;

/// <summary>
/// One message MassTransit moved to an _error queue, with the reason it recorded in the message's headers
/// (MT-Fault-ExceptionType, MT-Fault-Message, MT-Reason) and a preview of the body.
/// </summary>
public sealed record FaultedMessage(
    string ErrorQueue,
    string? MessageId,
    string? MessageType,
    string? Reason,
    string? ExceptionType,
    string? ExceptionMessage,
    DateTimeOffset? FaultedAt,
    string? InputAddress,
    int BodyBytes,
    string BodyPreview);
