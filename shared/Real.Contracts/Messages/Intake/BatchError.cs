namespace Real.Contracts.Messages.Intake;

/// <summary>A problem with the batch as a whole (unreadable JSON, wrong tool, too many ratings): nothing of it was recorded.</summary>
public sealed record BatchError(string Field, string? Value, string Reason);
