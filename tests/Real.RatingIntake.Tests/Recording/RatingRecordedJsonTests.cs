using System.Text.Json;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore.Serialization;
using Real.RatingIntake.Recording;

namespace Real.RatingIntake.Tests.Recording;

public sealed class RatingRecordedJsonTests
{
    public static TheoryData<RatingRecorded> Events() =>
    [
        new RatingRecorded("r1", "acme", "b1", "acme:r1", RaterRole.Crowd, "imagenet-val", "ILSVRC2012_val_00000001.JPEG", 65, RatingAnswer.Yes, new DateTimeOffset(2020, 6, 12, 0, 0, 0, TimeSpan.Zero), null),
        new RatingRecorded("ü \"q\" <x>", "t.1_x-2", "b/2", "t:é", RaterRole.Expert, "d", "a b.jpg", 0, RatingAnswer.Maybe, new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)), "task-9"),
        new RatingRecorded("r", "t", "b", "t:r", RaterRole.Crowd, "d", "i", 999, RatingAnswer.No, new DateTimeOffset(2001, 1, 1, 0, 0, 0, 1, TimeSpan.Zero).AddTicks(3), "\u2028"),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Writes_exactly_what_the_event_serializer_writes(RatingRecorded e)
    {
        var expected = JsonSerializer.SerializeToUtf8Bytes(e, EventSerializer.Options);

        var actual = new RatingRecordedJson().Write(e);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
    }

    [Fact]
    public void Covers_every_answer_and_role()
    {
        var writer = new RatingRecordedJson();
        foreach (var answer in Enum.GetValues<RatingAnswer>())
        {
            foreach (var role in Enum.GetValues<RaterRole>())
            {
                var e = new RatingRecorded("r", "t", "b", "t:r", role, "d", "i", 1, answer, DateTimeOffset.UnixEpoch, null);
                Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(e, EventSerializer.Options), writer.Write(e));
            }
        }
    }
}
