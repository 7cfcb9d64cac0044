using Real.EventStore.Storage;

namespace Real.EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    public async Task<AppendResult> AppendToStreamAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(stream, events);
        await InitializeAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        AppendResult result;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = Writer.Append(stream, expected, events, Timestamps.NowMicroseconds(_clock));
        }
        finally
        {
            _writeGate.Release();
        }

        if (result.AppendedCount > 0)
        {
            _appended.Notify(result.LastGlobalPosition);
        }

        return result;
    }
}
