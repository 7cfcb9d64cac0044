using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Process-wide SQLite settings, applied before SQLite initialises (after that SQLite refuses them, harmlessly, and
/// keeps its defaults). Both take a mutex off every call: the store never uses one connection from two threads at
/// once (the writer is behind a gate, each read owns its connection), so SQLite's per-connection mutex
/// (multi-thread instead of serialized mode) and its global allocation statistics (which lock on every malloc) only
/// cost time: about a twentieth of an append.
/// </summary>
internal static class SqliteLibrary
{
    public static void Configure()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
