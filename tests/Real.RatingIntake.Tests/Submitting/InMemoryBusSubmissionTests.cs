using Real.Contracts;
using Real.Contracts.Messages.Intake;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

public sealed class InMemoryBusSubmissionTests
{
    [Fact]
    public async Task A_batch_is_recorded_and_accepted_and_a_resent_batch_appends_nothing_and_gets_the_same_acceptance()
    {
        await using var host = await IntakeBusHost.StartAsync();
        var body = Bytes(Batch("b1", [Rating("r1"), Rating("r2", label: 7, answer: "no")]));

        await host.SendRawAsync(body);
        var first = await host.Replies.SingleAsync<RatingsAccepted>("b1");
        await host.SendRawAsync(body);
        await host.Replies.WaitForCountAsync(c => c == 2);

        Assert.Equal(["r1", "r2"], first.Accepted);
        Assert.Empty(first.Duplicates);
        var again = Assert.IsType<RatingsAccepted>(host.Replies.For("b1")[1]);
        Assert.Equal(first.Accepted, again.Accepted);
        Assert.Equal(["r1", "r2"], again.Duplicates);
        var recorded = await host.RecordedAsync();
        Assert.Equal(["r1", "r2"], recorded.Select(r => r.RatingId));
        Assert.Equal(("acme:r1", 7, RatingAnswer.No, "b1"), (recorded[1].RaterId, recorded[1].Label, recorded[1].Answer, recorded[1].BatchId));
    }

    [Fact]
    public async Task A_partly_bad_batch_records_the_good_ratings_and_names_each_bad_one()
    {
        await using var host = await IntakeBusHost.StartAsync();
        var body = Bytes(Batch("b2", [Rating("ok1"), Rating("bad-answer", answer: "sure"), Rating("bad-class", label: 5000), Rating("other-tool", rater: "x").Replace("acme:x", "evil:x", StringComparison.Ordinal), Rating("ok2")]));

        await host.SendRawAsync(body);
        var reply = await host.Replies.SingleAsync<RatingsRejected>("b2");

        Assert.Empty(reply.BatchErrors);
        Assert.Equal(["ok1", "ok2"], reply.Accepted);
        Assert.Equal(
            [("bad-answer", "ratings[1].answer"), ("bad-class", "ratings[2].label"), ("other-tool", "ratings[3].raterId")],
            reply.Rejected.Select(r => (r.RatingId!, r.Field)));
        Assert.Equal(["ok1", "ok2"], (await host.RecordedAsync()).Select(r => r.RatingId));
    }

    [Fact]
    public async Task A_batch_for_an_unregistered_data_set_is_rejected_whole_naming_the_data_set_and_records_nothing()
    {
        await using var host = await IntakeBusHost.StartAsync();

        await host.SendRawAsync(Bytes(Batch("b4", [Rating("r1")], dataset: "no-such-set")));
        var reply = await host.Replies.SingleAsync<RatingsRejected>("b4");

        var error = Assert.Single(reply.BatchErrors);
        Assert.Equal(("datasetId", "no-such-set"), (error.Field, error.Value));
        Assert.Empty(reply.Accepted);
        Assert.Empty(await host.RecordedAsync());
    }

    [Fact]
    public async Task A_message_nobody_can_be_answered_for_goes_to_the_error_queue_and_the_consumer_keeps_going()
    {
        await using var host = await IntakeBusHost.StartAsync();

        await host.SendRawAsync(Bytes("{\"batchId\": \"lost\", \"ratin"));
        await host.SendRawAsync(Bytes(Batch("b3", [Rating("r1")])));

        Assert.Equal(["r1"], (await host.Replies.SingleAsync<RatingsAccepted>("b3")).Accepted);
        Assert.Empty(host.Replies.For("lost"));
        Assert.Equal(["r1"], (await host.RecordedAsync()).Select(r => r.RatingId));
    }
}
