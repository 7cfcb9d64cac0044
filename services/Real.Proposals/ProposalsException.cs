namespace Real.Proposals;

/// <summary>
/// A request the proposals service cannot carry out as asked (an unknown model or data set, a version clash),
/// with a message meant for the user as it stands. Nothing was written when it is thrown.
/// </summary>
public sealed class ProposalsException(string message, Exception? inner = null) : Exception(message, inner);
