namespace Real.EventStore.Postgres;

/// <summary>Tuning and placement of the PostgreSQL store.</summary>
public sealed record PostgresEventStoreOptions
{
    /// <summary>
    /// Schema holding the store's tables (created when missing). Null: the connection's search_path decides
    /// (normally "public"). Tests and benchmarks use a schema or database of their own.
    /// </summary>
    public string? Schema { get; init; }

    /// <summary>Events per read page (one round trip each). Bounds the memory of a read.</summary>
    public int ReadPageSize { get; init; } = 5000;
}
