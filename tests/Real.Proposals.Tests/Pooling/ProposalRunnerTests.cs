using System.Globalization;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Importing;
using Real.Proposals.Pooling;
using Real.Proposals.Registering;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;

namespace Real.Proposals.Tests.Pooling;

public sealed class ProposalRunnerTests
{
    private static readonly string[] Images = [.. GeneratedFixtures.ImageNames.Take(3)];

    [Fact]
    public async Task Hand_made_predictions_give_the_expected_candidates_tasks_and_messages()
    {
        await using var harness = new ProposalsHarness();
        // Original labels 65, 970, 230 (the real validation labels of images 1 to 3).
        await harness.RegisterDatasetAsync(images: Images);
        using var dir = new TempDirectory();
        int[] dogs = [151, 152, 153, 154, 155, 156];
        int[] vehicles = [407, 436, 511, 817];
        // Image 1: the models agree only on the original → keeps it. Image 2: they agree on 151 and 152 → one task
        // with the original. Image 3: they agree on six dog breeds and four vehicles → 11 candidates, two tasks split
        // dogs (with the original 230, Shetland sheepdog) | vehicles.
        await ImportCsvAsync(harness, dir, "m1", [(Images[0], [65, 1, 2]), (Images[1], [151, 152, 970]), (Images[2], [.. dogs, .. vehicles])]);
        await ImportCsvAsync(harness, dir, "m2", [(Images[0], [65, 3, 4]), (Images[1], [152, 151, 407]), (Images[2], [.. vehicles, .. dogs])]);

        var result = await harness.Get<ProposalRunner>().RunAsync(new ProposeRequest
        {
            DatasetId = TestModels.DatasetId,
            ModelIds = ["m2", "m1"],
            Rule = new PoolingRule(TopK: 10, MinModels: 2, MaxCandidates: 16, MaxLabelsPerTask: 8),
        });

        Assert.Equal((3, 2, 1, 3, 3 + 11), (result.Images, result.ImagesSent, result.ImagesKeepingOriginal, result.Tasks, result.Questions));
        Assert.Equal([new ModelRef("m1", "imported"), new ModelRef("m2", "imported")], result.Models);
        var generated = Assert.IsType<ProposalsGenerated>(Assert.Single(await harness.ReadStreamAsync(StreamNames.Proposals(TestModels.DatasetId))));
        Assert.Equal(result.RunId, generated.RunId);
        var (kept, two, eleven) = (generated.Images[0], generated.Images[1], generated.Images[2]);
        Assert.Equal([65], kept.Candidates.Select(c => c.Label));
        Assert.False(kept.SentForRating);
        Assert.Equal([1, 2, 3, 4], kept.Dropped.Select(d => d.Label));
        Assert.Equal([970, 151, 152], two.Candidates.Select(c => c.Label));
        Assert.Equal([("m1", 3)], two.Candidates[0].ProposedBy.Select(v => (v.ModelId, v.Rank)));
        Assert.Equal([407], two.Dropped.Select(d => d.Label));
        Assert.Equal(11, eleven.Candidates.Count);
        Assert.Equal(2, eleven.TaskIds.Count);

        var tasks = (await harness.ReadStreamAsync(StreamNames.Tasks(TestModels.DatasetId))).ToArray();
        var questions = Assert.IsType<QuestionsRegistered>(tasks[0]);
        Assert.Equal(("proposals", 14), (questions.Source, questions.Questions.Count));
        var issued = tasks.Skip(1).Cast<RatingTaskIssued>().ToArray();
        Assert.Equal([151, 152, 970], issued[0].Labels.Order());
        Assert.Equal([.. dogs, 230], issued[1].Labels.Order());
        Assert.Equal(vehicles, issued[2].Labels.Order());
        Assert.Equal(two.TaskIds.Concat(eleven.TaskIds), issued.Select(t => t.TaskId));

        var published = harness.Tasks.Published;
        Assert.Equal(issued.Select(t => t.TaskId), published.Select(p => p.TaskId));
        Assert.Equal(issued[0].Labels, published[0].Candidates.Select(c => c.ClassIndex));
        Assert.Contains(published[1].Candidates, c => c == new Real.Contracts.Messages.Proposals.CandidateLabel(151, "Chihuahua"));
        Assert.All(published, p => Assert.InRange(p.Candidates.Count, 1, 8));
    }

    [Fact]
    public async Task Images_to_published_tasks_with_three_onnx_models_and_an_idempotent_second_run()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        foreach (var name in new[] { "tiny-a", "tiny-b", "tiny-c" })
        {
            await registrar.RegisterAsync(new RegisterModel { ModelId = name, OnnxPath = GeneratedFixtures.Model(name), DatasetId = TestModels.DatasetId });
        }

        var request = new ProposeRequest
        {
            DatasetId = TestModels.DatasetId,
            ModelIds = ["tiny-a", "tiny-b", "tiny-c"],
            ImagesDirectory = GeneratedFixtures.ImagesDirectory,
            Inference = new InferenceOptions { CpuThreads = 1, BatchSize = 4 },
        };
        var runner = harness.Get<ProposalRunner>();

        var first = await runner.RunAsync(request);

        Assert.All(first.Generation, g => Assert.Equal((8, 0), (g.Computed, g.Failures.Count)));
        Assert.Equal(8, first.Images);
        var generated = (await harness.ReadStreamAsync(StreamNames.Proposals(TestModels.DatasetId))).Cast<ProposalsGenerated>().Single();
        var original = ProposalsHarness.ValidationLabels(8);
        foreach (var (image, index) in generated.Images.Select((image, index) => (image, index)))
        {
            Assert.Equal(original[index], image.OriginalLabel);
            Assert.Equal(original[index], image.Candidates[0].Label);
            Assert.All(image.Candidates.Skip(1), c => Assert.True(c.ProposedBy.Count >= 2, $"{image.Image}: label {c.Label} has {c.ProposedBy.Count} vote(s)"));
            Assert.All(image.Candidates.Concat(image.Dropped).SelectMany(c => c.ProposedBy), v => Assert.InRange(v.Rank, 1, 5));
            Assert.Equal(image.Candidates.Count > 1, image.SentForRating);
        }

        // The three tiny models share most weights: they do agree on some labels, so something is sent.
        Assert.True(first.ImagesSent > 0, "no image was sent for rating");
        Assert.Equal(first.Tasks, harness.Tasks.Published.Count);
        Assert.Contains(harness.SelectorLog.Lines, l => l.Message.StartsWith("CUDA execution provider unavailable (", StringComparison.Ordinal));
        Assert.Single(harness.SelectorLog.Lines);

        var head = await harness.HeadAsync();
        var second = await runner.RunAsync(request);

        Assert.Equal((first.RunId, 0), (second.RunId, second.EventsAppended));
        Assert.All(second.Generation, g => Assert.Equal((0, 8), (g.Computed, g.AlreadyRecorded)));
        Assert.Equal(head, await harness.HeadAsync());
        Assert.Equal(2 * first.Tasks, harness.Tasks.Published.Count);
    }

    [Fact]
    public async Task Unknown_models_and_impossible_rules_are_refused_before_anything_is_written()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var runner = harness.Get<ProposalRunner>();
        var head = await harness.HeadAsync();

        var unknown = await Assert.ThrowsAsync<ProposalsException>(() => runner.RunAsync(new ProposeRequest { DatasetId = TestModels.DatasetId, ModelIds = ["ghost", "other"] }));
        var tooFew = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(new ProposeRequest { DatasetId = TestModels.DatasetId, ModelIds = ["ghost"] }));
        var badRule = await Assert.ThrowsAsync<ArgumentException>(() =>
            runner.RunAsync(new ProposeRequest { DatasetId = TestModels.DatasetId, ModelIds = ["a", "b"], Rule = new PoolingRule(MaxLabelsPerTask: 9) }));

        Assert.Contains("Model 'ghost' is neither registered nor has imported predictions", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("min-models is 2 but only 1 model(s)", tooFew.Message, StringComparison.Ordinal);
        Assert.Contains("labels per task must be 1 to 8", badRule.Message, StringComparison.Ordinal);
        Assert.Equal(head, await harness.HeadAsync());
    }

    private static async Task ImportCsvAsync(ProposalsHarness harness, TempDirectory dir, string model, IEnumerable<(string Image, int[] Labels)> rows)
    {
        var path = dir.File($"{model}.csv");
        var lines = new List<string> { "file,label,score" };
        foreach (var (image, labels) in rows)
        {
            lines.AddRange(labels.Select((label, rank) => string.Create(CultureInfo.InvariantCulture, $"{image},{label},{0.5 / (rank + 1):F4}")));
        }

        await File.WriteAllLinesAsync(path, lines);
        await harness.Get<PredictionImporter>().ImportAsync(new ImportPredictions { ModelId = model, File = path, DatasetId = TestModels.DatasetId });
    }
}
