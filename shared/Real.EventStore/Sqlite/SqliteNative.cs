using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>Connections opened through SQLite's C API, for the store's own threads (page readers, the checkpointer).</summary>
internal static class SqliteNative
{
    /// <summary>
    /// Opens <paramref name="path"/> read-write (a read-only connection cannot create the WAL index when it is missing)
    /// in multi-thread mode (SQLITE_OPEN_NOMUTEX: no mutex on every call, so one owner at a time must hold it).
    /// </summary>
    public static sqlite3 Open(string path, TimeSpan busyTimeout, long mmapSize)
    {
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
