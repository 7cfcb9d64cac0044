namespace Real.Cli;

/// <summary>A failure whose message is meant for the user as it stands (no stack trace).</summary>
public sealed class UserFacingException(string message, Exception? inner = null) : Exception(message, inner);
