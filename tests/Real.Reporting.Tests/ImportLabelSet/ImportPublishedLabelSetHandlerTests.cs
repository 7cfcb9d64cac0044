using Real.Contracts.Events.Reporting;
using Real.EventStore.Serialization;
using Real.Reporting.Evaluation.LabelSets;
using Real.Reporting.ImportLabelSet;
using Real.Reporting.Tests.Support;
using Real.Testing;

namespace Real.Reporting.Tests.ImportLabelSet;

public sealed class ImportPublishedLabelSetHandlerTests : IDisposable
{
    private readonly TempDirectory _dir = new("real-import");
    private readonly InMemoryEventStore _store = new();
    private readonly EventSerializer _serializer = new(new EventTypeRegistry().RegisterAssembly(typeof(ImportedLabelSetStarted).Assembly));

    [Fact]
    public async Task Imports_as_events_reads_back_equal_and_a_second_import_appends_nothing()
    {
        var dataset = Fixtures.Dataset(10, Enumerable.Range(0, 12_000).Select(i => i % 10).ToArray());
        var json = "[" + string.Join(",", Enumerable.Range(0, 12_000).Select(i => i % 7 == 0 ? "[]" : i % 3 == 0 ? $"[{i % 10},{(i + 1) % 10}]" : $"[{i % 10}]")) + "]";
        var file = _dir.File("real.json");
        await File.WriteAllTextAsync(file, json);
        var handler = new ImportPublishedLabelSetHandler(_store, _serializer);

        var first = await handler.HandleAsync(new ImportPublishedLabelSet(file, "real-json", "published"), dataset);
        var second = await handler.HandleAsync(new ImportPublishedLabelSet(file, "real-json", "published"), dataset);

        Assert.Equal(1 + 3 + 1, first.AppendedEvents); // started, 3 batches of ≤ 5,000, completed
        Assert.True(second.AlreadyImported);
        var imported = new ImportedLabelSets(_store, _serializer);
        var loaded = (await imported.LoadAsync("published", dataset))?.Labels;
        Assert.NotNull(loaded);
        Assert.Empty(loaded.LabelsOf(0).ToArray());
        Assert.Equal([3, 4], loaded.LabelsOf(3).ToArray());
        Assert.Equal([3], loaded.LabelsOf(11_993).ToArray());
        Assert.Equal(first.Statistics, loaded.Statistics);
        var summary = Assert.Single(await imported.ListAsync());
        Assert.Equal(LabelSetKind.Imported, summary.Kind);
        Assert.Equal(first.Statistics, summary.Statistics);
    }

    [Fact]
    public async Task Another_file_under_an_existing_id_is_refused_and_the_first_is_kept()
    {
        var dataset = Fixtures.Dataset(10, 0, 1);
        var handler = new ImportPublishedLabelSetHandler(_store, _serializer);
        await File.WriteAllTextAsync(_dir.File("a.json"), "[[0],[1]]");
        await File.WriteAllTextAsync(_dir.File("b.json"), "[[0],[2]]");
        await handler.HandleAsync(new ImportPublishedLabelSet(_dir.File("a.json"), "real-json", "x"), dataset);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => handler.HandleAsync(new ImportPublishedLabelSet(_dir.File("b.json"), "real-json", "x"), dataset));

        Assert.Contains("already imported from a different file", ex.Message, StringComparison.Ordinal);
        var kept = (await new ImportedLabelSets(_store, _serializer).LoadAsync("x", dataset))?.Labels;
        Assert.Equal([1], kept!.LabelsOf(1).ToArray());
    }

    [Fact]
    public async Task A_bad_file_appends_nothing()
    {
        var dataset = Fixtures.Dataset(10, 0, 1);
        await File.WriteAllTextAsync(_dir.File("bad.json"), "[[0],[11]]");

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            new ImportPublishedLabelSetHandler(_store, _serializer).HandleAsync(new ImportPublishedLabelSet(_dir.File("bad.json"), "real-json", "bad"), dataset));

        Assert.Equal(0, await _store.GetHeadPositionAsync());
    }

    [Theory]
    [InlineData("/x/real.json", "real")]
    [InlineData("/x/ReaL Labels v2.json", "real-labels-v2")]
    [InlineData("/x/@@.json", "imported")]
    public void Default_ids_come_from_the_file_name(string file, string expected) =>
        Assert.Equal(expected, ImportPublishedLabelSetHandler.DefaultId(file));

    [Fact]
    public async Task Unknown_formats_and_bad_ids_are_rejected()
    {
        var dataset = Fixtures.Dataset(10, 0);
        var handler = new ImportPublishedLabelSetHandler(_store, _serializer);

        await Assert.ThrowsAsync<ArgumentException>(() => handler.HandleAsync(new ImportPublishedLabelSet("f.json", "csv", "x"), dataset));
        await Assert.ThrowsAsync<ArgumentException>(() => handler.HandleAsync(new ImportPublishedLabelSet("f.json", "real-json", "a b"), dataset));
    }

    public void Dispose() => _dir.Dispose();
}
