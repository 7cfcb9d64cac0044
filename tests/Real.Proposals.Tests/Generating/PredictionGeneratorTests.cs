using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Datasets;
using Real.Proposals.Generating;
using Real.Proposals.Generating.Images;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Registering;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;

namespace Real.Proposals.Tests.Generating;

public sealed class PredictionGeneratorTests
{
    private static readonly InferenceOptions Cpu = new() { Device = InferenceDevice.Cpu, CpuThreads = 1, BatchSize = 3, DecodeThreads = 2 };

    [Fact]
    public async Task Records_each_images_top_k_matching_the_numpy_pipeline()
    {
        await using var harness = new ProposalsHarness();
        var (model, dataset) = await RegisterAsync(harness, "tiny-a");
        // png/ holds the JPEGs' exact source pixels (the reference is computed from them) plus three images that are
        // not in the data set, which must be reported and skipped.
        var files = ImageFolder.List(GeneratedFixtures.File("png"));

        var result = await harness.Get<PredictionGenerator>().GenerateAsync(model, dataset, files, Cpu, topK: 5);

        Assert.Equal((8, 0, 1), (result.Computed, result.AlreadyRecorded, result.EventsAppended));
        Assert.Equal(["grey.png", "odd.png", "rgba.png"], result.Failures.Select(f => Path.GetFileName(f.File)));
        Assert.All(result.Failures, f => Assert.Equal("not an image of data set 'tiny-val'", f.Reason));
        var recorded = Assert.IsType<PredictionsRecorded>(Assert.Single(await harness.ReadStreamAsync(StreamNames.Predictions("tiny-a"))));
        Assert.Equal(("tiny-a", model.Version, "onnx/cpu", 5), (recorded.ModelId, recorded.ModelVersion, recorded.Source, recorded.TopK));
        var reference = GeneratedFixtures.ReadFloats("reference/tiny-a.images.logits.f32");
        for (var i = 0; i < 8; i++)
        {
            var prediction = recorded.Images[i];
            Assert.Equal(GeneratedFixtures.ImageNames[i], prediction.Image);
            var expected = reference.AsSpan(i * 1000, 1000).ToArray();
            var expectedTop = Enumerable.Range(0, 1000).OrderByDescending(c => expected[c]).ThenBy(c => c).Take(5).ToArray();
            Assert.Equal(expectedTop, prediction.Top.Select(t => t.Label));
            Assert.All(prediction.Top, t => Assert.Equal(expected[t.Label], t.Logit!.Value, 3));
            Assert.True(prediction.Top[0].Probability > prediction.Top[4].Probability);
        }
    }

    [Fact]
    public async Task A_second_run_computes_and_appends_nothing()
    {
        await using var harness = new ProposalsHarness();
        var (model, dataset) = await RegisterAsync(harness, "tiny-b");
        var files = ImageFolder.List(GeneratedFixtures.ImagesDirectory);
        var generator = harness.Get<PredictionGenerator>();
        await generator.GenerateAsync(model, dataset, files, Cpu);
        var head = await harness.HeadAsync();

        var again = await generator.GenerateAsync(model, dataset, files, Cpu);

        Assert.Equal((0, 8, 0, "none"), (again.Computed, again.AlreadyRecorded, again.EventsAppended, again.Device));
        Assert.Equal(head, await harness.HeadAsync());
    }

    [Fact]
    public async Task An_unreadable_image_is_reported_and_the_others_are_recorded()
    {
        await using var harness = new ProposalsHarness();
        var (model, dataset) = await RegisterAsync(harness, "tiny-a");
        using var dir = new TempDirectory();
        foreach (var name in GeneratedFixtures.ImageNames)
        {
            File.Copy(Path.Combine(GeneratedFixtures.ImagesDirectory, name), dir.File(name));
        }

        await File.WriteAllBytesAsync(dir.File(GeneratedFixtures.ImageNames[3]), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);

        var result = await harness.Get<PredictionGenerator>().GenerateAsync(model, dataset, ImageFolder.List(dir.Path), Cpu);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(dir.File(GeneratedFixtures.ImageNames[3]), failure.File);
        Assert.StartsWith(dir.File(GeneratedFixtures.ImageNames[3]), failure.Reason, StringComparison.Ordinal);
        Assert.Equal(7, result.Computed);
        var recorded = (await harness.ReadStreamAsync(StreamNames.Predictions("tiny-a"))).Cast<PredictionsRecorded>().SelectMany(p => p.Images).ToArray();
        Assert.Equal(GeneratedFixtures.ImageNames.Where((_, i) => i != 3), recorded.Select(p => p.Image));
    }

    [Fact]
    public async Task A_mapped_model_predicts_data_set_classes()
    {
        await using var harness = new ProposalsHarness();
        var (model, dataset) = await RegisterAsync(harness, "tiny-10", ClassMapFile.Read(GeneratedFixtures.File("models/tiny-10.classes.txt")));

        await harness.Get<PredictionGenerator>().GenerateAsync(model, dataset, ImageFolder.List(GeneratedFixtures.ImagesDirectory), Cpu, topK: 10);

        var recorded = (await harness.ReadStreamAsync(StreamNames.Predictions("tiny-10"))).Cast<PredictionsRecorded>().Single();
        Assert.All(recorded.Images, i => Assert.Equal([0, 1, 130, 207, 281, 340, 388, 417, 812, 954], i.Top.Select(t => t.Label).Order()));
        Assert.All(recorded.Images, i => Assert.Equal(1.0, i.Top.Sum(t => (double)t.Probability!.Value), 4));
    }

    private static async Task<(ModelRegistered Model, DatasetImages Dataset)> RegisterAsync(ProposalsHarness harness, string name, IReadOnlyList<int>? map = null)
    {
        await harness.RegisterDatasetAsync();
        var result = await harness.Get<ModelRegistrar>().RegisterAsync(
            new RegisterModel { ModelId = name, OnnxPath = GeneratedFixtures.Model(name), DatasetId = TestModels.DatasetId, ClassMap = map ?? [] });
        return (result.Model, await harness.Get<DatasetReader>().ReadAsync(TestModels.DatasetId));
    }
}
