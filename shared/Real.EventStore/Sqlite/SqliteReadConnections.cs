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

    private sqlite3 Open()
    {
        // Read-write like the store's other connections (a read-only one cannot create the WAL index when it is
        // missing); page reads never write.
        var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = db is null ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SqliteException($"{path}: {message}", rc);
        }

        raw.sqlite3_busy_timeout(db, (int)busyTimeout.TotalMilliseconds);
        if (mmapSize > 0)
        {
            raw.sqlite3_exec(db, $"PRAGMA mmap_size = {mmapSize}");
        }

        return db;
    }
}
