namespace Real.EventStore;

/// <summary>An append whose expected revision did not match the stream's actual revision. Nothing was written.</summary>
public sealed class WrongExpectedVersionException(string stream, ExpectedRevision expected, long? actual)
    : Exception($"Append to stream '{stream}' expected revision {expected} but the stream is at {(actual is null ? "no stream" : actual.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}.")
{
    public string Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    /// <summary>The stream's actual last revision; null when the stream does not exist.</summary>
    public long? Actual { get; } = actual;
}
