using Real.Contracts;
using Real.Hosting;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The scenario run the embedded way — one process at a time, SQLite, no broker — through the same CLI verbs a user
/// types: import the two models' predictions, propose, import the study's votes as the tool's ratings, aggregate,
/// export. Computed once per test run; the distributed runs must reproduce it exactly.
/// </summary>
public static class EmbeddedReference
{
    private static readonly Lazy<Task<ScenarioOutcome>> Outcome = new(RunAsync);

    public static Task<ScenarioOutcome> GetAsync() => Outcome.Value;

    private static async Task<ScenarioOutcome> RunAsync()
    {
        var scenario = RealStudySubset.Instance;
        var home = Path.Combine(Path.GetTempPath(), $"real-embedded-reference-{Guid.NewGuid():N}");
        Directory.CreateDirectory(home);
        string[] store = ["--home", home, "--data", RepositoryRoot.DataRoot];
        var settings = new RealSettings { Home = home, DataRoot = RepositoryRoot.DataRoot };
        await using (var direct = new ScenarioStore(settings))
        {
            await direct.RegisterImageNetAsync();
        }

        foreach (var model in RealStudySubset.Models)
        {
            await RealCli.JsonAsync(["import", "predictions", scenario.WritePredictions(home, model), "--model", model, "--top-k", $"{ScenarioRequests.TopK}", .. store]);
        }

        var proposed = await RealCli.JsonAsync([.. ScenarioRequests.ProposeArguments, .. store]);
        var imported = await RealCli.RunAsync(["import", "ratings", scenario.WriteRatingsJsonl(home), "--tool", RealStudySubset.ToolId, .. store]);
        Assert.True(imported.ExitCode == 0, $"real import ratings: {imported.StdOut}\n{imported.StdErr}");
        await RealCli.JsonAsync([.. ScenarioRequests.AggregateArguments, .. store]);

        long ratings;
        await using (var direct = new ScenarioStore(settings))
        {
            ratings = await direct.StreamLengthAsync(StreamNames.Ratings(RealStudySubset.ToolId));
        }

        Assert.Equal(scenario.Ratings.Count, ratings);
        var outcome = await ScenarioOutcome.ExportAsync(Path.Combine(home, "export"), proposed.GetProperty("tasks").GetInt64(), ratings, store);
        Directory.Delete(home, recursive: true);
        return outcome;
    }
}
