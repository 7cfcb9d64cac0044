using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Registering;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;

namespace Real.Proposals.Tests.Registering;

public sealed class ModelRegistrarTests
{
    [Fact]
    public async Task Registers_what_the_graph_says_with_the_file_hash_as_version()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();

        var result = await harness.Get<ModelRegistrar>().RegisterAsync(new RegisterModel { ModelId = "tiny-a", OnnxPath = GeneratedFixtures.Model("tiny-a"), DatasetId = TestModels.DatasetId });

        var sha = GeneratedFixtures.Manifest.GetProperty("models").GetProperty("tiny-a").GetProperty("sha256").GetString()!;
        var model = Assert.IsType<ModelRegistered>(Assert.Single(await harness.ReadStreamAsync(StreamNames.Model("tiny-a"))));
        Assert.True(result.Appended);
        Assert.Equal(("tiny-a", $"sha256:{sha[..12]}", sha), (model.ModelId, model.Version, model.OnnxSha256));
        Assert.Equal(("input", "logits", 1000, ModelOutputKind.Logits), (model.InputName, model.OutputName, model.OutputCount, model.OutputKind));
        Assert.Equal([-1L, 3, 224, 224], model.InputShape);
        Assert.Equal(ImagePreprocessing.ImageNetDefault.Mean, model.Preprocessing.Mean);
        Assert.Empty(model.ClassMap);
    }

    [Fact]
    public async Task Registering_the_same_model_again_appends_nothing()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        var command = new RegisterModel { ModelId = "tiny-a", OnnxPath = GeneratedFixtures.Model("tiny-a"), DatasetId = TestModels.DatasetId };

        await registrar.RegisterAsync(command);
        var head = await harness.HeadAsync();
        var again = await registrar.RegisterAsync(command);

        Assert.False(again.Appended);
        Assert.Equal(head, await harness.HeadAsync());
    }

    [Fact]
    public async Task A_new_file_under_a_used_version_label_is_refused()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        await registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = GeneratedFixtures.Model("tiny-a"), DatasetId = TestModels.DatasetId, Version = "1" });

        var error = await Assert.ThrowsAsync<ProposalsException>(() =>
            registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = GeneratedFixtures.Model("tiny-b"), DatasetId = TestModels.DatasetId, Version = "1" }));

        Assert.Contains("version '1' is already registered with other content", error.Message, StringComparison.Ordinal);
        var second = await registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = GeneratedFixtures.Model("tiny-b"), DatasetId = TestModels.DatasetId, Version = "2" });
        Assert.Equal("2", (await harness.Get<ModelCatalog>().RequireAsync("m")).Version);
        Assert.True(second.Appended);
    }

    [Fact]
    public async Task A_model_with_other_classes_needs_a_class_map_of_its_outputs()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        var command = new RegisterModel { ModelId = "tiny-10", OnnxPath = GeneratedFixtures.Model("tiny-10"), DatasetId = TestModels.DatasetId };

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => registrar.RegisterAsync(command));
        var registered = await registrar.RegisterAsync(command with { ClassMap = ClassMapFile.Read(GeneratedFixtures.File("models/tiny-10.classes.txt")) });

        Assert.Contains("the model has 10 outputs but data set 'tiny-val' has 1000 classes", missing.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 130, 207, 281, 340, 388, 417, 812, 954], registered.Model.ClassMap);
        await Assert.ThrowsAsync<ArgumentException>(() => registrar.RegisterAsync(command with { ClassMap = [0, 1, 2, 3, 4, 5, 6, 7, 8, 8] }));
        await Assert.ThrowsAsync<ArgumentException>(() => registrar.RegisterAsync(command with { ClassMap = [0, 1, 2] }));
    }

    [Fact]
    public async Task Preprocessing_that_does_not_fit_the_graph_is_refused_at_registration()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var command = new RegisterModel
        {
            ModelId = "tiny-a",
            OnnxPath = GeneratedFixtures.Model("tiny-a"),
            DatasetId = TestModels.DatasetId,
            Preprocessing = ImagePreprocessing.ImageNetDefault with { CropHeight = 192, CropWidth = 192 },
        };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => harness.Get<ModelRegistrar>().RegisterAsync(command));

        Assert.Contains("input 'input' has shape [-1, 3, 224, 224] but the preprocessing makes NCHW tensors of [batch, 3, 192, 192]", error.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Store.GetStreamRevisionAsync(StreamNames.Model("tiny-a")));
    }

    [Fact]
    public async Task Bad_ids_missing_files_and_unknown_data_sets_are_named()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        using var dir = new TempDirectory();
        var notOnnx = Path.Combine(dir.Path, "model.onnx");
        await File.WriteAllTextAsync(notOnnx, "not a model");

        await Assert.ThrowsAsync<ArgumentException>(() => registrar.RegisterAsync(new RegisterModel { ModelId = "Bad Id", OnnxPath = notOnnx, DatasetId = TestModels.DatasetId }));
        await Assert.ThrowsAsync<FileNotFoundException>(() => registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = Path.Combine(dir.Path, "none.onnx"), DatasetId = TestModels.DatasetId }));
        var unknown = await Assert.ThrowsAsync<ProposalsException>(() => registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = GeneratedFixtures.Model("tiny-a"), DatasetId = "nope" }));
        var corrupt = await Assert.ThrowsAsync<InvalidDataException>(() => registrar.RegisterAsync(new RegisterModel { ModelId = "m", OnnxPath = notOnnx, DatasetId = TestModels.DatasetId }));

        Assert.Contains("Data set 'nope' is not registered", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{notOnnx}: ONNX Runtime cannot load this file", corrupt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_lists_each_model_at_its_latest_version()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var registrar = harness.Get<ModelRegistrar>();
        await registrar.RegisterAsync(new RegisterModel { ModelId = "b", OnnxPath = GeneratedFixtures.Model("tiny-b"), DatasetId = TestModels.DatasetId, Version = "1" });
        await registrar.RegisterAsync(new RegisterModel { ModelId = "a", OnnxPath = GeneratedFixtures.Model("tiny-a"), DatasetId = TestModels.DatasetId });
        await registrar.RegisterAsync(new RegisterModel { ModelId = "b", OnnxPath = GeneratedFixtures.Model("tiny-c"), DatasetId = TestModels.DatasetId, Version = "2" });

        var models = await harness.Get<ModelCatalog>().ListAsync();

        Assert.Equal([("a", false), ("b", true)], models.Select(m => (m.ModelId, m.Version == "2")));
    }
}
