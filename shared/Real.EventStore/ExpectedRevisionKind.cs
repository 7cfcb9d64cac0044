namespace Real.EventStore;

public enum ExpectedRevisionKind
{
    Any,
    NoStream,
    StreamExists,
    Exact,
}
