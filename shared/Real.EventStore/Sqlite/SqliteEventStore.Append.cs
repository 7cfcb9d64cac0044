using Microsoft.Data.Sqlite;
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
            var careful = IdempotentAppend.HasRepeatedIds(events);
            var created = Timestamps.NowMicroseconds(_clock);
            try
            {
                result = Writer.Append(stream, expected, events, careful, created);
            }
            catch (SqliteException ex) when (!careful && SqliteWriter.IsEventIdConflict(ex))
            {
                // An id the store already holds: redo the append, this time sorting repeats from conflicts.
                result = Writer.Append(stream, expected, events, careful: true, created);
            }
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
