using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// A statement prepared once on a connection and stepped through SQLite's C API directly, for the two hot paths
/// (inserting events, reading pages). Microsoft.Data.Sqlite's reader and parameters cost more per row than SQLite
/// itself does; here blobs bind from spans and columns read as spans, with no per-value boxing. Bindings survive
/// <see cref="Reset"/>, so values shared by a whole append are bound once. Not thread-safe.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;

    public SqliteStatement(SqliteConnection connection, string sql)
        : this(connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open."), sql)
    {
    }

    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _));
        Handle = statement;
    }

    public sqlite3_stmt Handle { get; }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(Handle, index, value));

    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text(Handle, index, value));

    /// <summary>
    /// Binds a copy of the bytes (SQLITE_TRANSIENT): the span may be reused as soon as this returns. An empty span binds
    /// an empty blob, not NULL (which is what a null pointer would bind).
    /// </summary>
    public void Bind(int index, ReadOnlySpan<byte> value) =>
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(Handle, index, 0) : raw.sqlite3_bind_blob(Handle, index, value));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Handle, index));

    /// <summary>The rowid of the connection's last successful INSERT (whichever statement ran it).</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    /// <summary>Steps once: true for a row, false when done; any error becomes a <see cref="SqliteException"/> and resets the statement.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        var error = new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        raw.sqlite3_reset(Handle);
        throw error;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        try
        {
            while (Step())
            {
            }
        }
        finally
        {
            raw.sqlite3_reset(Handle);
        }
    }

    public void Reset() => raw.sqlite3_reset(Handle);

    public void Dispose() => raw.sqlite3_finalize(Handle);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
