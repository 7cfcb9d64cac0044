using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The scenario and its embedded run (SQLite + in-memory bus, all services in this process), computed once for every
/// distributed test of the collection to compare against.
/// </summary>
public sealed class EmbeddedOutcomeFixture : IAsyncLifetime
{
    /// <summary>Images of the scenario: a few hundred, i.e. about a thousand questions and five thousand votes.</summary>
    public const int Images = 300;

    public const int BatchSize = 250;

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    /// <summary>REAL_DATA, else the repository's data/ (make data), else ../shared/data beside the checkout.</summary>
    public string DataRoot { get; } =
        Environment.GetEnvironmentVariable("REAL_DATA") is { Length: > 0 } env ? Path.GetFullPath(env)
        : Directory.Exists(Path.Combine(RepositoryRoot.Path, "data", "real")) ? Path.Combine(RepositoryRoot.Path, "data")
        : Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data"));

    public RealVotesScenario Scenario { get; private set; } = null!;

    public ScenarioOutcome Embedded { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Scenario = RealVotesScenario.Load(DataRoot, Images);
        await using var embedded = await EmbeddedTopology.StartAsync(DataRoot, CancellationToken.None);
        Embedded = await ScenarioDriver.RunAsync(embedded, Scenario, BatchSize, Timeout);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
