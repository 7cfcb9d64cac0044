using Real.Aggregation.LabelSets;
using Real.Aggregation.Runs;
using Real.Aggregation.Tests.Fixtures;
using Real.Aggregation.Tests.Simulation;
using Real.Contracts.Events.Aggregation;
using Real.Contracts.Events.Intake;

namespace Real.Aggregation.Tests.LabelSets;

public sealed class LabelSetDiffTests
{
    private static readonly DatasetRegistered Dataset = new("d", "d", ["c0", "c1", "c2", "c3"], ["a.jpg", "b.jpg", "c.jpg", "d.jpg"], [0, 1, 2, 3]);

    [Fact]
    public void Lists_images_whose_labels_changed_with_labels_added_and_removed()
    {
        var before = View("A", new ImageLabelSet("a.jpg", [new(0, 0.9), new(1, 0.5)], [0]), new ImageLabelSet("c.jpg", [new(2, 0.85)], [2]));
        var after = View("B", new ImageLabelSet("a.jpg", [new(0, 0.9), new(1, 0.85)], [0, 1]), new ImageLabelSet("c.jpg", [new(2, 0.3)], []), new ImageLabelSet("d.jpg", [new(3, 0.2), new(0, 0.95)], [0]));

        var diff = LabelSetDiff.Compute(before, after);

        Assert.Equal(4, diff.ImagesCompared);
        Assert.Equal(["a.jpg", "c.jpg", "d.jpg"], diff.Changes.Select(c => c.Image));
        Assert.Equal([1], diff.Changes[0].Added);
        Assert.Empty(diff.Changes[0].Removed);
        Assert.True(diff.Changes[1].BecameExcluded);
        Assert.Equal([2], diff.Changes[1].Removed);
        Assert.Equal([0], diff.Changes[2].Added); // d.jpg was unrated: it had its original label 3
        Assert.Equal([3], diff.Changes[2].Removed);
        Assert.Equal(2, diff.LabelsAdded);
        Assert.Equal(2, diff.LabelsRemoved);
        Assert.Equal(1, diff.BecameExcluded);
    }

    [Fact]
    public void A_label_set_compared_with_itself_has_no_changes()
    {
        var view = View("A", new ImageLabelSet("a.jpg", [new(0, 0.9)], [0]));
        Assert.Empty(LabelSetDiff.Compute(view, view).Changes);
    }

    [Fact]
    public async Task Latest_and_latest_tilde_n_resolve_to_complete_label_sets_in_order()
    {
        await using var fixture = new StoreFixture();
        var campaign = RaterSimulator.Generate(new SimulationSpec { Seed = 41, Images = 120, Raters = 6 });
        await fixture.RegisterAsync(campaign.OriginalLabels, campaign.Spec.Classes);
        await fixture.AppendCampaignAsync(campaign);
        foreach (var threshold in new[] { "0.8", "0.5", "0.95" })
        {
            await fixture.Runner().RunAsync(new AggregationRequest
            {
                RunId = Guid.NewGuid(),
                DatasetId = TestDatasets.DatasetId,
                Parameters = new Dictionary<string, string> { ["threshold"] = threshold },
            });
        }

        var reader = new LabelSetReader(fixture.Store, fixture.Serializer);
        Assert.Equal("3", await reader.ResolveAsync("latest"));
        Assert.Equal("2", await reader.ResolveAsync("latest~1"));
        Assert.Equal("7", await reader.ResolveAsync("7")); // ids pass through; reading a missing one fails later
        await Assert.ThrowsAsync<ArgumentException>(() => reader.ResolveAsync("latest~3"));
        await Assert.ThrowsAsync<ArgumentException>(() => reader.ResolveAsync("latest-1"));

        // A lower threshold can only add labels.
        var registration = await new Inputs.DatasetReader(fixture.Store, fixture.Serializer).ReadRegistrationAsync(TestDatasets.DatasetId);
        var strict = new LabelSetView(await reader.ReadAsync("1"), registration);
        var loose = new LabelSetView(await reader.ReadAsync("2"), registration);
        var diff = LabelSetDiff.Compute(strict, loose);
        Assert.True(diff.LabelsAdded > 0);
        Assert.Equal(0, diff.LabelsRemoved);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => reader.ReadAsync("7"));
        Assert.Contains("There is no label set '7'", error.Message, StringComparison.Ordinal);
    }

    internal static LabelSetView View(string id, params ImageLabelSet[] images) =>
        new(
            new StoredLabelSet(
                new AggregationStarted(id, Guid.NewGuid().ToString(), Dataset.DatasetId, "majority", "1", new Dictionary<string, string> { ["threshold"] = "0.8" }, 0, null, [], "test", null, DateTimeOffset.UnixEpoch),
                null,
                images,
                new AggregationCompleted(id, images.Length, 0, 0, 0, 0, 0, 0, true, 0, 1, DateTimeOffset.UnixEpoch)),
            Dataset);
}
