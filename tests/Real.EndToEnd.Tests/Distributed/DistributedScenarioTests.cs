using System.Text.Json;
using Real.EndToEnd.Tests.Distributed.Scenario;
using Xunit.Abstractions;

namespace Real.EndToEnd.Tests.Distributed;

/// <summary>
/// The ReaL-derived scenario (200 validation images, their questions and the study's votes) across the four service
/// processes on RabbitMQ and PostgreSQL gives exactly the label set the embedded run gives: the same tasks, every
/// rating recorded once, byte-identical label and score exports, and the reporting service serving that label set.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class DistributedScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Four_service_processes_produce_the_embedded_runs_label_set()
    {
        var embedded = await EmbeddedReference.GetAsync();
        await using var topology = await DistributedTopology.StartAsync([RealStudySubset.ToolId]);
        var distributed = await new DistributedScenarioRun(topology, FaultPlan.None, output).RunAsync();

        Assert.Equal(RealStudySubset.Instance.Ratings.Count, distributed.RatingsRecorded);
        Assert.Equal(embedded.Tasks, distributed.Tasks);
        // Not two empty files: one row per rated question, and most images keep at least one label.
        Assert.True(embedded.ScoresCsv.Split('\n').Length > RealStudySubset.Instance.QuestionCount, embedded.ScoresCsv[..Math.Min(300, embedded.ScoresCsv.Length)]);
        Assert.True(RealStudySubset.Instance.Questions.Count(q => InSet(embedded.LabelsCsv, q.Image).Length > 0) > 150);
        Assert.Equal(embedded.LabelsCsv, distributed.LabelsCsv);
        Assert.Equal(embedded.ScoresCsv, distributed.ScoresCsv);

        // Both models' stored predictions (imported as CSVs) are scored against the label set, the same either way.
        using (var evaluation = JsonDocument.Parse(embedded.EvaluationJson))
        {
            var models = evaluation.RootElement.GetProperty("models").EnumerateArray().ToList();
            Assert.Equal(RealStudySubset.Models, models.Select(m => m.GetProperty("model").GetString()));
            Assert.All(models, m => Assert.Equal(RealStudySubset.Instance.ImageCount, m.GetProperty("predicted_images").GetInt32()));
            // The label set evaluates every image with a non-empty set (unrated ones keep their original label), the
            // models predicted only the scenario's: some of those, and only those, can be hits.
            Assert.All(models, m => Assert.InRange(
                m.GetProperty("real_top1").GetDouble() * m.GetProperty("evaluated_images").GetInt32(), 1, RealStudySubset.Instance.ImageCount));
        }

        Assert.Equal(embedded.EvaluationJson, distributed.EvaluationJson);

        // The reporting process reads the same label set from the shared store.
        using var http = new HttpClient { BaseAddress = topology.HttpBase(DistributedTopology.Reporting), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (image, _) in RealStudySubset.Instance.Questions.Take(3))
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"api/images/{image}?labelset={ScenarioRequests.LabelSetId}"));
            var served = json.RootElement.GetProperty("labels_in_set").EnumerateArray().Select(l => l.GetInt32()).Order().ToArray();
            Assert.Equal(InSet(embedded.LabelsCsv, image), served);
        }

        foreach (var service in DistributedTopology.Services)
        {
            using var health = await http.GetAsync(new Uri(topology.HttpBase(service), "health"));
            Assert.True(health.IsSuccessStatusCode, $"{service} /health: {(int)health.StatusCode}");
        }
    }

    /// <summary>The labels in the set of one image, from an exported labels CSV (file,label,score,in_set).</summary>
    private static int[] InSet(string labelsCsv, string image) =>
        [.. labelsCsv.Split('\n').Skip(1).Select(l => l.Split(','))
            .Where(f => f.Length >= 4 && f[0] == image && f[3].Trim() is "true" or "1" or "True")
            .Select(f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)).Order()];
}
