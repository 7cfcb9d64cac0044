using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Real.EventStore.Sqlite;

/// <summary>
/// Copies the WAL into the database file (checkpoints) on a thread and connection of its own, so that appends do
/// not wait for a checkpoint's fsyncs. With SQLite's auto-checkpoint those ran inside the commit of whichever append
/// crossed the threshold: about a quarter of the wall time of 1M appends was the writer blocked in fsync
/// (docs/event-store.md has the figures).
/// <para>
/// A WAL hook on the writer connection (it replaces SQLite's auto-checkpoint there) wakes this thread each time
/// another threshold of WAL has been committed, and the thread runs a PASSIVE checkpoint, which never blocks anyone.
/// But the WAL file starts again from its beginning only when a writer finds all of it copied, which a steady stream
/// of appends never allows. So once the WAL is <see cref="RestartFactor"/> thresholds long, the thread copies until
/// little is left and asks the writer to copy that remainder itself, inline after its next commit (a few MiB, where
/// SQLite's own auto-checkpoint copied a whole threshold there); then the next append starts the WAL over. If this
/// thread falls <see cref="FallbackFactor"/> thresholds behind (a failing thread, a reader holding an old snapshot),
/// the writer checkpoints after every commit, as SQLite would, so the WAL stays bounded whatever happens here.
/// </para>
/// </summary>
internal sealed unsafe class SqliteCheckpointer : IDisposable
{
    public const int RestartFactor = 4;

    public const int FallbackFactor = 16;

    private const int SqliteOk = 0;

    private readonly sqlite3 _writer;
    private readonly sqlite3 _db;
    private readonly string _path;
    private readonly int _thresholdPages;
    private readonly Thread _thread;
    private readonly AutoResetEvent _due = new(false);
    private readonly Lock _checkpointing = new();
    private readonly ManualResetEventSlim _resumed = new(true);
    private GCHandle _self;
    private volatile bool _stopping;
    private volatile bool _restartDue;
    private int _lastPages;
    private int _nextAt;
    private int _completed;
    private int _inline;
    private int _restarts;

    /// <summary>
    /// sqlite3_wal_hook, looked up in the native library SQLitePCL itself uses (its provider names it), or null where
    /// that library does not export it. SQLitePCL does not wrap this function.
    /// </summary>
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int>, IntPtr, IntPtr> WalHook = ResolveWalHook();

    private SqliteCheckpointer(sqlite3 writer, string path, long walBytesBeforeCheckpoint, long pageSize, TimeSpan busyTimeout)
    {
        _writer = writer;
        _path = path;
        _thresholdPages = (int)Math.Clamp(walBytesBeforeCheckpoint / pageSize, 1, int.MaxValue / FallbackFactor);
        _nextAt = _thresholdPages;
        _db = SqliteNative.Open(path, busyTimeout, mmapSize: 0);
        // A connection only finds the WAL once it has read the file; until then a checkpoint on it succeeds and does
        // nothing (it reports -1 pages).
        if (raw.sqlite3_exec(_db, "SELECT count(*) FROM sqlite_schema") != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            _db.Dispose();
            throw new Microsoft.Data.Sqlite.SqliteException($"{path}: the checkpointer could not read the database: {message}", raw.SQLITE_ERROR);
        }

        // A plain native call through a resolved pointer (TryStart checked it): nothing here can throw.
        _self = GCHandle.Alloc(this);
        _ = WalHook(writer.DangerousGetHandle(), &OnCommit, GCHandle.ToIntPtr(_self));

        _thread = new Thread(Run) { IsBackground = true, Name = "real-sqlite-checkpointer" };
        _thread.Start();
    }

    /// <summary>Checkpoints this thread ran to the end; for tests and diagnostics.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Checkpoints the writer ran inline, after a commit (the remainder before the WAL starts over, or a fallback).</summary>
    public int Inline => Volatile.Read(ref _inline);

    /// <summary>Times the WAL started over from its beginning (seen at the first commit after).</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Whether the thread is still there (until <see cref="Dispose"/>).</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>The last error a checkpoint on this thread met (a busy database aside), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Holds the thread before its next checkpoint, so a test can see what the writer's fallback does alone.</summary>
    internal void Pause() => _resumed.Reset();

    /// <summary>Lets a paused thread go on.</summary>
    internal void Resume() => _resumed.Set();

    public void Dispose()
    {
        // The hook's connection is closed after this, by its owner: unhook first, so no commit reaches a disposed
        // checkpointer.
        _ = WalHook(_writer.DangerousGetHandle(), null, IntPtr.Zero);
        _stopping = true;
        _resumed.Set();
        _due.Set();
        _thread.Join();
        _db.Dispose();
        _due.Dispose();
        _resumed.Dispose();
        _self.Free();
    }

    /// <summary>Whether this process's SQLite library lets a checkpointer hook the writer's commits.</summary>
    public static bool IsSupported => WalHook != null;

    /// <summary>
    /// Starts a checkpointer for <paramref name="writer"/>, or returns null where the SQLite library has no WAL hook;
    /// the writer then keeps SQLite's own auto-checkpoint (slower appends, same data), which only a hook replaces.
    /// </summary>
    public static SqliteCheckpointer? TryStart(sqlite3 writer, string path, long walBytesBeforeCheckpoint, long pageSize, TimeSpan busyTimeout) =>
        IsSupported ? new SqliteCheckpointer(writer, path, walBytesBeforeCheckpoint, pageSize, busyTimeout) : null;

    private static delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int>, IntPtr, IntPtr> ResolveWalHook()
    {
        SqliteLibrary.Configure();
        return NativeLibrary.TryLoad(raw.GetNativeLibraryName(), typeof(SqliteCheckpointer).Assembly, null, out var library)
            && NativeLibrary.TryGetExport(library, "sqlite3_wal_hook", out var export)
            ? (delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int>, IntPtr, IntPtr>)export
            : null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommit(IntPtr context, IntPtr db, IntPtr schema, int walPages)
    {
        try
        {
            ((SqliteCheckpointer)GCHandle.FromIntPtr(context).Target!).Committed(walPages);
        }
        catch
        {
            // Nothing may unwind into SQLite; a missed wake-up is made up for by the next commit.
        }

        return SqliteOk;
    }

    /// <summary>On the writer's thread, right after its commit: keep it short.</summary>
    private void Committed(int walPages)
    {
        if (walPages < _lastPages)
        {
            // The WAL started again from its beginning: the thread may checkpoint again.
            Interlocked.Increment(ref _restarts);
            _nextAt = _thresholdPages;
            _restartDue = false;
        }

        Volatile.Write(ref _lastPages, walPages);
        if (walPages >= _thresholdPages * FallbackFactor)
        {
            _restartDue = true;
        }

        if (_restartDue)
        {
            // This connection's commit is the newest: copying up to it copies all, so the next append can start the
            // WAL over (it cannot while another connection holds a read mark: then this runs again after the next
            // commit). BUSY (another process's checkpoint still running): the same.
            // The thread's own checkpoint in progress would make this one busy: wait for it instead (SQLite's
            // checkpoint lock never waits), so under load the fallback still copies rather than failing every time.
            lock (_checkpointing)
            {
                if (raw.sqlite3_wal_checkpoint_v2(_writer, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK)
                {
                    Interlocked.Increment(ref _inline);
                }
            }

            return;
        }

        if (walPages >= _nextAt)
        {
            _nextAt = walPages + _thresholdPages;
            _due.Set();
        }
    }

    private void Run()
    {
        while (true)
        {
            _due.WaitOne();
            _resumed.Wait();
            if (_stopping)
            {
                return;
            }

            if (_restartDue)
            {
                // Until the WAL has started over, the writer copies; a checkpoint here would only get in its way
                // (and hold the read mark that keeps the WAL from starting over).
                continue;
            }

            try
            {
                Checkpoint();
            }
            catch (Exception ex)
            {
                // The thread outlives a bad checkpoint: the next wake-up tries again, the writer's fallback bounds
                // the WAL meanwhile.
                LastError = $"{_path}: {ex.Message}";
            }
        }
    }

    private void Checkpoint()
    {
        var restartsBefore = Restarts;
        var (log, copied) = Passive();
        if (log < _thresholdPages * RestartFactor)
        {
            return;
        }

        // Copy what was committed during that checkpoint, while appends go on, so the writer is left little: each
        // round has a fraction of the one before to copy.
        for (var round = 0; round < 4 && Volatile.Read(ref _lastPages) - copied > _thresholdPages / 64 && !_stopping && !_restartDue; round++)
        {
            (_, copied) = Passive();
        }

        // If the WAL started over meanwhile (a round copied it all and the writer's next commit restarted it), there
        // is nothing left to ask for: raising the flag now would have the writer copy after every commit until the
        // WAL happened to start over again.
        if (Restarts == restartsBefore)
        {
            _restartDue = true;
        }
    }

    /// <summary>One PASSIVE checkpoint on this thread's connection: the WAL's length and how much of it is copied, in pages.</summary>
    private (int Log, int Copied) Passive()
    {
        int rc, log, copied;
        lock (_checkpointing)
        {
            rc = raw.sqlite3_wal_checkpoint_v2(_db, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out log, out copied);
        }

        if (rc == raw.SQLITE_OK && log >= 0)
        {
            Interlocked.Increment(ref _completed);
            return (log, copied);
        }

        if (rc == raw.SQLITE_OK)
        {
            LastError = $"{_path}: checkpoint found no WAL (the file is not in WAL mode)";
            return (0, 0);
        }

        // BUSY: another process's checkpoint is running; the next wake-up tries again.
        if (rc != raw.SQLITE_BUSY)
        {
            LastError = $"{_path}: checkpoint failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}";
        }

        return (0, 0);
    }
}
