namespace Real.EventStore;

/// <summary>
/// What the writer believes about the stream's current revision, checked atomically with the append
/// (EventStoreDB's StreamState/StreamRevision in one type). Revisions are 0-based: a stream's first event has revision 0.
/// </summary>
public readonly record struct ExpectedRevision
{
    private ExpectedRevision(ExpectedRevisionKind kind, long revision)
    {
        Kind = kind;
        Revision = revision;
    }

    public ExpectedRevisionKind Kind { get; }

    /// <summary>The exact revision expected; only meaningful when <see cref="Kind"/> is <see cref="ExpectedRevisionKind.Exact"/>.</summary>
    public long Revision { get; }

    /// <summary>No check at all.</summary>
    public static ExpectedRevision Any { get; } = new(ExpectedRevisionKind.Any, -1);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedRevision NoStream { get; } = new(ExpectedRevisionKind.NoStream, -1);

    /// <summary>The stream must exist (hold at least one event).</summary>
    public static ExpectedRevision StreamExists { get; } = new(ExpectedRevisionKind.StreamExists, -1);

    /// <summary>The stream's last event must have exactly this revision.</summary>
    public static ExpectedRevision Exact(long revision) =>
        revision < 0
            ? throw new ArgumentOutOfRangeException(nameof(revision), revision, "An exact expected revision is 0 or more.")
            : new(ExpectedRevisionKind.Exact, revision);

    /// <summary>True when a stream whose last revision is <paramref name="actual"/> (null: no stream) satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long? actual) => Kind switch
    {
        ExpectedRevisionKind.Any => true,
        ExpectedRevisionKind.NoStream => actual is null,
        ExpectedRevisionKind.StreamExists => actual is not null,
        ExpectedRevisionKind.Exact => actual == Revision,
        _ => false,
    };

    public override string ToString() => Kind == ExpectedRevisionKind.Exact ? Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) : Kind.ToString();
}
