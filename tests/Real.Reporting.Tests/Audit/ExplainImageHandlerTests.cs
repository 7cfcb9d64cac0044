using System.Text.Json;
using Real.Reporting.Audit;
using Real.Reporting.Tests.Support;
using Real.Testing;

namespace Real.Reporting.Tests.Audit;

public sealed class ExplainImageHandlerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("real-explain");
    private ReportingContext _context = null!;

    public async Task InitializeAsync()
    {
        var (store, serializer) = await AuditStore.BuildAsync(_dir.File("events.db"));
        _context = new ReportingContext(store, serializer, _dir.Path);
    }

    [Fact]
    public async Task Every_event_behind_a_label_is_explained_with_positions_and_hashes()
    {
        var x = await new ExplainImageHandler(_context).HandleAsync(new ExplainImage(AuditStore.Image, 2, "latest"));

        Assert.Equal(1, x.ImageIndex);
        Assert.Equal(1, x.OriginalLabel);
        Assert.Equal("goldfish", x.OriginalClass);
        Assert.Equal("1", x.LabelSet!.Id);
        Assert.Equal("dawid-skene", x.LabelSet.Rule);
        Assert.Equal("ds-1.2", x.LabelSet.RuleVersion);
        Assert.Equal(0.8, x.LabelSet.Threshold);
        Assert.Equal("200", x.LabelSet.Parameters["max_iterations"]);
        Assert.Equal(0.31, x.PriorFits);
        Assert.Equal([1, 2], x.LabelsInSet);

        var label = Assert.Single(x.Labels);
        Assert.Equal(2, label.Label);
        Assert.Equal("shark", label.ClassName);
        Assert.True(label.InSet);
        Assert.Equal(0.86, label.Score);
        Assert.Equal(["resnet", "vit"], label.ProposedBy.Select(v => v.ModelId));
        Assert.Equal(1, label.ProposedBy[0].Rank);
        Assert.Equal(0.6, label.ProposedBy[0].Probability!.Value, 6);

        Assert.Equal(3, label.Ratings.Count); // ann (re-rated), bob, the expert
        var ann = label.Ratings.Single(r => r.RaterId == "tool:ann");
        Assert.Equal("yes", ann.Answer);
        var earlier = Assert.Single(ann.History);
        Assert.Equal("no", earlier.Answer);
        Assert.Equal("expert", label.Ratings.Single(r => r.RaterId == "golden:expert1").Role);
        Assert.Equal("tool", ann.ToolId);

        Assert.Equal(["tool:ann", "tool:bob"], label.RaterModels.Select(m => m.RaterId)); // carl did not rate this question
        Assert.Equal([0.1, 0.1, 0.8], label.RaterModels[0].GivenFits);

        var types = x.Events.Select(e => e.Type).ToHashSet();
        Assert.Superset(new HashSet<string> { "DatasetRegistered", "ProposalsGenerated", "RatingRecorded", "AggregationStarted", "RaterConfusionEstimated", "LabelsDerived", "AggregationCompleted" }, types);
        Assert.All(x.Events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(x.Events.Select(e => e.Position).Order(), x.Events.Select(e => e.Position));
        Assert.DoesNotContain(x.Events, e => e.Type == "LabelSetAllocated");
    }

    [Fact]
    public async Task Without_a_label_every_considered_label_is_explained_and_the_json_is_complete()
    {
        var x = await new ExplainImageHandler(_context).HandleAsync(new ExplainImage("ILSVRC2012_val_00000002", null, "1"));

        Assert.Equal([1, 2], x.Labels.Select(l => l.Label));
        Assert.True(x.Labels[0].IsOriginal);
        Assert.Equal(0.97, x.Labels[0].Score);
        var json = JsonSerializer.Serialize(x, ExplainJson.Options);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("labels").GetArrayLength());
        Assert.True(document.RootElement.GetProperty("events")[0].TryGetProperty("hash", out _));
        Assert.Contains("\"given_fits\"", json, StringComparison.Ordinal);
        Assert.Contains("\"history\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excluded_image_has_an_empty_set_and_an_unknown_image_is_an_error()
    {
        var excluded = await new ExplainImageHandler(_context).HandleAsync(new ExplainImage("ILSVRC2012_val_00000003.JPEG", null, "latest"));
        Assert.Empty(excluded.LabelsInSet);
        Assert.Equal(false, excluded.Labels.Single(l => l.Label == 2).InSet);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new ExplainImageHandler(_context).HandleAsync(new ExplainImage("cat.jpg", null, "latest")));
        Assert.Contains("'cat.jpg' is not an image", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => new ExplainImageHandler(_context).HandleAsync(new ExplainImage(AuditStore.Image, 7, "latest")));
        await Assert.ThrowsAsync<ArgumentException>(() => new ExplainImageHandler(_context).HandleAsync(new ExplainImage(AuditStore.Image, null, "nope")));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _dir.Dispose();
    }
}
