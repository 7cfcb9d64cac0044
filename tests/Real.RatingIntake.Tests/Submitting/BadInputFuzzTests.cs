using Real.Contracts.Messages.Intake;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

public sealed class BadInputFuzzTests
{
    [Fact]
    public async Task Over_a_thousand_malformed_messages_are_each_rejected_with_a_reason_or_faulted_and_no_valid_neighbour_is_lost()
    {
        await using var host = await IntakeBusHost.StartAsync();
        var faults = new FaultRecorder();
        using var observer = host.Bus.ConnectConsumeObserver(faults);
        var cases = BadInputGenerator.All().ToList();
        Assert.True(cases.Count >= 1000, $"only {cases.Count} cases");

        // Cases that depend on an earlier batch (a later re-use of a rating id) go after everything else.
        foreach (var c in cases.Where(c => c.Kind != "duplicate-id-later"))
        {
            await host.SendRawAsync(c.Body);
        }

        var first = cases.Count(c => c.Kind != "duplicate-id-later" && c.Answerable);
        await host.Replies.WaitForCountAsync(n => n >= first, TimeSpan.FromSeconds(120));
        foreach (var c in cases.Where(c => c.Kind == "duplicate-id-later"))
        {
            await host.SendRawAsync(c.Body);
        }

        var answerable = cases.Where(c => c.Answerable).ToList();
        var unanswerable = cases.Count - answerable.Count;
        await host.Replies.WaitForCountAsync(n => n >= answerable.Count, TimeSpan.FromSeconds(120));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (faults.Reasons.Count < unanswerable && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Every answerable bad message got exactly one RatingsRejected naming at least one problem.
        foreach (var c in answerable)
        {
            var reply = Assert.IsType<RatingsRejected>(Assert.Single(host.Replies.For(c.BatchId!)));
            Assert.True(reply.BatchErrors.Count + reply.Rejected.Count > 0, $"{c.Kind} {c.BatchId}: a rejection without reasons");
            Assert.All(reply.BatchErrors.Select(e => e.Reason).Concat(reply.Rejected.Select(r => r.Reason)), r => Assert.False(string.IsNullOrWhiteSpace(r)));
            Assert.All(c.ValidRatingIds, id => Assert.Contains(id, reply.Accepted));
        }

        // Every unanswerable one faulted (-> _error) with its reason, and nothing else faulted.
        Assert.Equal(unanswerable, faults.Reasons.Count);
        Assert.All(faults.Reasons, r => Assert.Matches("not valid (JSON|UTF-8)", r));

        // No valid rating next to a bad one was lost, and nothing else was recorded.
        // Counted as RatingRecorded events in the store, through the real validator and recorder.
        var expected = cases.SelectMany(c => c.ValidRatingIds).ToHashSet();
        var recorded = await host.RecordedAsync();
        var recordedIds = recorded.Select(r => r.RatingId).ToHashSet();
        Assert.All(expected, id => Assert.True(recordedIds.Contains(id), $"valid rating {id} was lost"));
        Assert.Equal(expected.Count, recorded.Count);

        // The consumer is still alive and well.
        await host.SendRawAsync(Bytes(Batch("still-alive", [Rating("alive")])));
        Assert.Equal(["alive"], (await host.Replies.SingleAsync<RatingsAccepted>("still-alive")).Accepted);
    }
}
