using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.Proposals.Importing;
using Real.Proposals.Registering;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;
using Real.Testing.Npy;

namespace Real.Proposals.Tests.Importing;

public sealed class PredictionImporterTests
{
    [Fact]
    public async Task Npy_float32_logits_of_an_unregistered_model_are_ranked_like_inference()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();

        var result = await harness.Get<PredictionImporter>().ImportAsync(new ImportPredictions
        {
            ModelId = "tiny-b", File = GeneratedFixtures.File("predictions/tiny-b.logits.npy"), DatasetId = TestModels.DatasetId, TopK = 5,
        });

        Assert.Equal((new ModelRef("tiny-b", "imported"), "npy", 8, 5, 1), (result.Model, result.Format, result.Images, result.TopK, result.EventsAppended));
        var recorded = Assert.IsType<PredictionsRecorded>(Assert.Single(await harness.ReadStreamAsync(StreamNames.Predictions("tiny-b"))));
        Assert.Equal(("import/npy", "tiny-b.logits.npy"), (recorded.Source, recorded.SourceFile));
        Assert.Equal(GeneratedFixtures.ImageNames, recorded.Images.Select(i => i.Image));
        Assert.All(recorded.Images, i => Assert.Equal(i.Top.Select(t => t.Logit!.Value).OrderDescending(), i.Top.Select(t => t.Logit!.Value)));
    }

    [Fact]
    public async Task Float16_npy_and_the_csv_top5_of_the_same_model_agree()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var importer = harness.Get<PredictionImporter>();

        await importer.ImportAsync(new ImportPredictions { ModelId = "c16", File = GeneratedFixtures.File("predictions/tiny-c.logits.f16.npy"), DatasetId = TestModels.DatasetId, TopK = 5 });
        var csv = await importer.ImportAsync(new ImportPredictions { ModelId = "ccsv", File = GeneratedFixtures.File("predictions/tiny-c.top5.csv"), DatasetId = TestModels.DatasetId });

        var half = (await harness.ReadStreamAsync(StreamNames.Predictions("c16"))).Cast<PredictionsRecorded>().Single();
        var rows = (await harness.ReadStreamAsync(StreamNames.Predictions("ccsv"))).Cast<PredictionsRecorded>().Single();
        Assert.Equal(5, csv.TopK);
        for (var i = 0; i < 8; i++)
        {
            // float16 rounding may swap two nearly equal logits; the best label and the set agree.
            Assert.Equal(rows.Images[i].Top[0].Label, half.Images[i].Top[0].Label);
            Assert.True(rows.Images[i].Top.Select(t => t.Label).Intersect(half.Images[i].Top.Select(t => t.Label)).Count() >= 4);
            Assert.All(rows.Images[i].Top, t => Assert.Null(t.Logit));
        }
    }

    [Fact]
    public async Task Importing_the_same_file_again_appends_nothing()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var importer = harness.Get<PredictionImporter>();
        var command = new ImportPredictions { ModelId = "tiny-b", File = GeneratedFixtures.File("predictions/tiny-b.logits.npy"), DatasetId = TestModels.DatasetId };
        await importer.ImportAsync(command);
        var head = await harness.HeadAsync();

        var again = await importer.ImportAsync(command);

        Assert.Equal(0, again.EventsAppended);
        Assert.Equal(head, await harness.HeadAsync());
    }

    [Fact]
    public async Task A_registered_model_imports_at_its_version_through_its_class_map()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        var model = (await harness.Get<ModelRegistrar>().RegisterAsync(new RegisterModel
        {
            ModelId = "tiny-10", OnnxPath = GeneratedFixtures.Model("tiny-10"), DatasetId = TestModels.DatasetId,
            ClassMap = ClassMapFile.Read(GeneratedFixtures.File("models/tiny-10.classes.txt")),
        })).Model;
        using var dir = new TempDirectory();
        var npy = dir.File("tiny10.npy");
        var scores = new float[8 * 10];
        for (var i = 0; i < 8; i++)
        {
            scores[(i * 10) + (i % 10)] = 5f;
        }

        File.WriteAllBytes(npy, NpyWriter.Array("<f4", [8, 10], scores));

        var result = await harness.Get<PredictionImporter>().ImportAsync(new ImportPredictions { ModelId = "tiny-10", File = npy, DatasetId = TestModels.DatasetId, TopK = 1 });

        Assert.Equal(model.Version, result.Model.Version);
        var recorded = (await harness.ReadStreamAsync(StreamNames.Predictions("tiny-10"))).Cast<PredictionsRecorded>().Single();
        Assert.Equal([0, 1, 130, 207, 281, 340, 388, 417], recorded.Images.Select(i => i.Top.Single().Label));
    }

    [Fact]
    public async Task Npy_rows_need_the_data_sets_image_count_or_an_image_list()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        using var dir = new TempDirectory();
        var npy = dir.File("three.npy");
        File.WriteAllBytes(npy, NpyWriter.Array("<f4", [3, 1000], new float[3 * 1000]));
        var list = dir.File("images.txt");
        await File.WriteAllLinesAsync(list, [GeneratedFixtures.ImageNames[5], GeneratedFixtures.ImageNames[1], GeneratedFixtures.ImageNames[2]]);
        var importer = harness.Get<PredictionImporter>();
        var command = new ImportPredictions { ModelId = "m", File = npy, DatasetId = TestModels.DatasetId };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => importer.ImportAsync(command));
        var listed = await importer.ImportAsync(command with { ImageListFile = list });

        Assert.Equal($"{npy}: 3 rows but data set 'tiny-val' has 8 images; pass an image list (--image-list) naming each row's image.", error.Message);
        Assert.Equal(3, listed.Images);
        var recorded = (await harness.ReadStreamAsync(StreamNames.Predictions("m"))).Cast<PredictionsRecorded>().Single();
        Assert.Equal([GeneratedFixtures.ImageNames[5], GeneratedFixtures.ImageNames[1], GeneratedFixtures.ImageNames[2]], recorded.Images.Select(i => i.Image));
    }

    [Fact]
    public async Task A_csv_with_bad_rows_is_refused_whole_with_every_problem_and_its_line()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        using var dir = new TempDirectory();
        var csv = dir.File("bad.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "file,label,score",
            $"{GeneratedFixtures.ImageNames[0]},3,0.9",
            "unknown.JPEG,3,0.5",
            $"{GeneratedFixtures.ImageNames[0]},1000,0.1",
            $"{GeneratedFixtures.ImageNames[0]},3,0.05",
            $"{GeneratedFixtures.ImageNames[1]},4,1.5",
            $"{GeneratedFixtures.ImageNames[1]},5"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            harness.Get<PredictionImporter>().ImportAsync(new ImportPredictions { ModelId = "m", File = csv, DatasetId = TestModels.DatasetId }));

        Assert.Equal(
            $"{csv}: nothing imported:\n" +
            "  line 3: file 'unknown.JPEG' is not an image of data set 'tiny-val'\n" +
            "  line 4: label '1000' is not a class index 0..999\n" +
            "  line 5: label 3 for 'ILSVRC2012_val_00000001.JPEG' was already given on line 2\n" +
            "  line 6: score 1.5 is not a probability (0 to 1); pass --score-kind logits if these are logits\n" +
            "  line 7: 2 fields but the header has 3",
            error.Message);
        Assert.Null(await harness.Store.GetStreamRevisionAsync(StreamNames.Predictions("m")));
    }
}
