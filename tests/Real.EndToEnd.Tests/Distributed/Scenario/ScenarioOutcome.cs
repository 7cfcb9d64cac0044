namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// What a run of the scenario produced, as `real export` writes it (every (image, label) score and label of the label
/// set) and as `real evaluate --predictions stored` scores the models whose predictions the run imported.
/// </summary>
public sealed record ScenarioOutcome(string LabelsCsv, string ScoresCsv, string EvaluationJson, long Tasks, long RatingsRecorded)
{
    /// <summary>Exports and evaluates label set <see cref="ScenarioRequests.LabelSetId"/> from the store the arguments name.</summary>
    public static async Task<ScenarioOutcome> ExportAsync(string directory, long tasks, long ratings, params string[] storeArguments)
    {
        Directory.CreateDirectory(directory);
        var labels = Path.Combine(directory, "labels.csv");
        var scores = Path.Combine(directory, "scores.csv");
        await RealCli.SucceedsAsync(["export", "labels", "--labelset", ScenarioRequests.LabelSetId, "--format", "csv", "--out", labels, .. storeArguments]);
        await RealCli.SucceedsAsync(["export", "scores", "--labelset", ScenarioRequests.LabelSetId, "--out", scores, .. storeArguments]);
        var evaluation = await RealCli.JsonAsync(["evaluate", "--predictions", "stored", "--labelset", ScenarioRequests.LabelSetId, .. storeArguments]);
        return new ScenarioOutcome(await File.ReadAllTextAsync(labels), await File.ReadAllTextAsync(scores), evaluation.GetRawText(), tasks, ratings);
    }
}
