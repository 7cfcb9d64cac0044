using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// The connections that page reads run on: opened through SQLite's C API with SQLITE_OPEN_NOMUTEX, so each is in
/// multi-thread mode (no mutex taken on every step and column call, a fifth of a full read), and pooled here rather
/// than by Microsoft.Data.Sqlite. That pool can lend one connection to two owners when opens race
/// (dotnet/efcore#39008); this one hands a connection to one reader at a time, which is what NOMUTEX requires.
/// Thread-safe.
/// </summary>
internal sealed class SqliteReadConnections(string path, TimeSpan busyTimeout, long mmapSize) : IDisposable
{
    /// <summary>Idle connections kept; more readers than this at once open and close their own.</summary>
    private const int MaxIdle = 16;

    private readonly Stack<sqlite3> _idle = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public sqlite3 Rent()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var db))
            {
                return db;
            }
        }

        return Open();
    }

    public void Return(sqlite3 db)
    {
        lock (_lock)
        {
            if (!_disposed && _idle.Count < MaxIdle)
            {
                _idle.Push(db);
                return;
            }
        }

        db.Dispose();
    }

    /// <summary>Closes the idle connections; one in use is closed when its reader returns it.</summary>
    public void Dispose()
    {
        sqlite3[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var db in idle)
        {
            db.Dispose();
        }
    }

    private sqlite3 Open() => SqliteNative.Open(path, busyTimeout, mmapSize);
}
