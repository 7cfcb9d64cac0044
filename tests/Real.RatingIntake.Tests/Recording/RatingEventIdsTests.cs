using Real.EventStore;
using Real.RatingIntake.Recording;

namespace Real.RatingIntake.Tests.Recording;

public sealed class RatingEventIdsTests
{
    [Theory]
    [InlineData("acme", "r1")]
    [InlineData("real", "raters:189:ILSVRC2012_val_00041207.JPEG:556")]
    [InlineData("t.1_x-2", "ü ✓ \"quoted\" 🙂")]
    [InlineData("t", "")]
    public void The_fast_path_equals_DeterministicGuid(string tool, string ratingId)
    {
        using var ids = new RatingEventIds();

        Assert.Equal(DeterministicGuid.Create($"rating:{tool}:{ratingId}"), ids.Next(tool, ratingId));
        Assert.Equal(ids.Next(tool, ratingId), ids.Next(tool, ratingId));
        Assert.Equal(RatingEventIds.For(tool, ratingId), ids.Next(tool, ratingId));
    }

    [Fact]
    public void Long_ids_fall_back_to_the_general_path()
    {
        using var ids = new RatingEventIds();
        var id = new string('é', 400);

        Assert.Equal(DeterministicGuid.Create($"rating:acme:{id}"), ids.Next("acme", id));
    }

    [Fact]
    public void Different_tools_or_ids_give_different_event_ids()
    {
        using var ids = new RatingEventIds();

        Assert.NotEqual(ids.Next("acme", "r1"), ids.Next("acme2", "r1"));
        Assert.NotEqual(ids.Next("acme", "r1"), ids.Next("acme", "r2"));
    }
}
