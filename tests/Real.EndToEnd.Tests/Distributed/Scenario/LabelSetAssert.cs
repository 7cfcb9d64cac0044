using Real.Contracts.Events.Aggregation;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Label sets compared exactly: same rated images, same candidates with bit-identical scores, same sets.</summary>
public static class LabelSetAssert
{
    public static void Identical(IReadOnlyList<ImageLabelSet> expected, IReadOnlyList<ImageLabelSet> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(e.Image, a.Image);
            Assert.True(e.Labels.SequenceEqual(a.Labels), $"{e.Image}: label set [{string.Join(',', a.Labels)}] instead of [{string.Join(',', e.Labels)}]");
            Assert.Equal(e.Candidates.Count, a.Candidates.Count);
            for (var c = 0; c < e.Candidates.Count; c++)
            {
                Assert.Equal(e.Candidates[c].Label, a.Candidates[c].Label);
                Assert.True(BitConverter.DoubleToInt64Bits(e.Candidates[c].Score) == BitConverter.DoubleToInt64Bits(a.Candidates[c].Score),
                    $"{e.Image} label {e.Candidates[c].Label}: score {a.Candidates[c].Score:R} instead of {e.Candidates[c].Score:R}");
            }
        }
    }

    /// <summary>Every rating of the scenario recorded exactly once: nothing lost, nothing doubled.</summary>
    public static void RecordedExactlyOnce(RealVotesScenario scenario, IReadOnlyList<string> recordedRatingIds)
    {
        var doubled = recordedRatingIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
        Assert.True(doubled.Count == 0, $"ratings recorded twice: {string.Join(", ", doubled)}");
        var missing = scenario.Ratings.Select(r => r.RatingId).Except(recordedRatingIds, StringComparer.Ordinal).Take(5).ToList();
        Assert.True(missing.Count == 0, $"ratings lost: {string.Join(", ", missing)}");
        Assert.Equal(scenario.Ratings.Count, recordedRatingIds.Count);
    }
}
