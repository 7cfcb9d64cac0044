using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.Predictions;
using Real.Reporting.Tests.Support;

namespace Real.Reporting.Tests.Evaluation.Predictions;

/// <summary>Predictions recorded in the store (by propose or import) read back as a model's ranked predictions.</summary>
public sealed class StoredPredictionsTests
{
    private static readonly EvaluationDataset Dataset = Fixtures.Dataset(10, 0, 1, 2, 3);
    private readonly InMemoryEventStore _store = new();
    private readonly Real.EventStore.Serialization.EventSerializer _serializer = ReportingContext.CreateSerializer();

    [Fact]
    public async Task Every_model_reads_its_latest_versions_latest_prediction_per_image()
    {
        await RecordAsync("a", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000001.JPEG", [1, 2]), ("ILSVRC2012_val_00000002.JPEG", [3]));
        await RecordAsync("a", "v2", Dataset.DatasetId, ("ILSVRC2012_val_00000001.JPEG", [4, 5, 6, 7, 8, 9, 0]));
        await RecordAsync("a", "v2", Dataset.DatasetId, ("ILSVRC2012_val_00000003.JPEG", [2]), ("ILSVRC2012_val_00000001.JPEG", [9]));
        await RecordAsync("b", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000004", [3, 1]));
        await RecordAsync("b", "v1", "other-val", ("ILSVRC2012_val_00000001.JPEG", [5]));

        var models = await StoredPredictions.ReadAsync(_store, _serializer, "stored", Dataset);

        Assert.Equal(["a", "b"], models.Select(m => m.ModelId));
        var a = models[0];
        Assert.Equal(5, a.K);
        Assert.Equal([9, -1, -1, -1, -1], a.Row(0).ToArray()); // v2's later prediction wins; nothing of v1 is left
        Assert.Equal([-1, -1, -1, -1, -1], a.Row(1).ToArray()); // predicted by v1 only
        Assert.Equal([2, -1, -1, -1, -1], a.Row(2).ToArray());
        Assert.Equal([3, 1, -1, -1, -1], models[1].Row(3).ToArray());
        Assert.Equal([-1, -1, -1, -1, -1], models[1].Row(0).ToArray()); // its prediction for another data set is left out
    }

    [Fact]
    public async Task One_model_is_read_by_name_and_a_long_top_list_is_cut_to_k()
    {
        await RecordAsync("a", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000001.JPEG", [1, 2]));
        await RecordAsync("b", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000002.JPEG", [4, 5, 6, 7, 8, 9, 0]));

        var model = Assert.Single(await StoredPredictions.ReadAsync(_store, _serializer, "model:b", Dataset));

        Assert.Equal("b", model.ModelId);
        Assert.Equal([4, 5, 6, 7, 8], model.Row(1).ToArray());
    }

    [Fact]
    public async Task A_model_without_predictions_for_the_data_set_is_an_error_naming_where_it_has_some()
    {
        await RecordAsync("a", "v1", "other-val", ("ILSVRC2012_val_00000001.JPEG", [1]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StoredPredictions.ReadAsync(_store, _serializer, "model:a", Dataset));
        var none = await Assert.ThrowsAsync<InvalidDataException>(() => StoredPredictions.ReadAsync(_store, _serializer, "model:ghost", Dataset));

        Assert.Contains("Model 'a' has no predictions for data set 'test-val' in the store (only for data set 'other-val')", error.Message, StringComparison.Ordinal);
        Assert.Contains("Model 'ghost' has no predictions", none.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => StoredPredictions.ReadAsync(_store, _serializer, "model:", Dataset));
    }

    [Fact]
    public async Task An_unknown_image_or_label_is_named_with_its_stream_and_position()
    {
        await RecordAsync("a", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000001.JPEG", [1]));
        await RecordAsync("a", "v1", Dataset.DatasetId, ("cat.jpg", [1]));
        await RecordAsync("b", "v1", Dataset.DatasetId, ("ILSVRC2012_val_00000001.JPEG", [10]));

        var image = await Assert.ThrowsAsync<InvalidDataException>(() => StoredPredictions.ReadAsync(_store, _serializer, "model:a", Dataset));
        var label = await Assert.ThrowsAsync<InvalidDataException>(() => StoredPredictions.ReadAsync(_store, _serializer, "model:b", Dataset));

        Assert.Equal("predictions-a at position 2: image 'cat.jpg' is not in data set 'test-val'.", image.Message);
        Assert.Contains("predictions-b at position 3: image 'ILSVRC2012_val_00000001.JPEG' has label 10, not a class", label.Message, StringComparison.Ordinal);
    }

    private async Task RecordAsync(string model, string version, string datasetId, params (string Image, int[] Labels)[] images)
    {
        var recorded = new PredictionsRecorded(
            model,
            version,
            datasetId,
            "import/csv",
            "test.csv",
            5,
            [.. images.Select(i => new ImagePrediction(i.Image, [.. i.Labels.Select(l => new LabelScore(l, null, 0.5f))]))]);
        await _store.AppendToStreamAsync(StreamNames.Predictions(model), ExpectedRevision.Any, [_serializer.ToEventData(Guid.NewGuid(), recorded)]);
    }
}
