using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Process-wide SQLite settings, applied before SQLite initialises (after that SQLite refuses them, harmlessly, and
/// keeps its defaults). Allocation statistics off: SQLite takes a global lock on every malloc to keep them, and the
/// store never reads them.
/// <para>
/// Kept in serialized mode on purpose. Multi-thread mode (no per-connection mutex) measured faster, but it is only
/// safe when no connection is ever used by two threads at once, and Microsoft.Data.Sqlite's pool can hand one native
/// connection to two owners when opens race (dotnet/efcore#39008, in 10.0.11 and earlier): in serialized mode that is
/// an error at worst, in multi-thread mode a data race inside SQLite.
/// </para>
/// </summary>
internal static class SqliteLibrary
{
    public static void Configure()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
