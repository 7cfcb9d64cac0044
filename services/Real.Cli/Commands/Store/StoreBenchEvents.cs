using System.Globalization;
using System.Text;
using Real.EventStore;

namespace Real.Cli.Commands.Store;

/// <summary>Synthetic rating-like events of about 250 bytes of JSON, built per batch (outside the timed appends).</summary>
internal static class StoreBenchEvents
{
    public const int Streams = 1000;

    public static EventData[] Batch(int batchIndex, int count, long firstNumber)
    {
        var metadata = new EventMetadata
        {
            CorrelationId = $"bench-batch-{batchIndex}",
            SourceMessageId = $"bench-message-{batchIndex}",
            ProducingService = "bench",
        };
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            var n = firstNumber + i;
            var json = string.Create(CultureInfo.InvariantCulture,
                $"{{\"datasetId\":\"imagenet-val\",\"imageIndex\":{n % 50000},\"raterId\":\"rater-{n % 997:D4}\",\"questionId\":\"q-{n:D9}-{n % 1000:D3}\"," +
                $"\"label\":{n % 1000},\"answer\":\"{(n % 3 == 0 ? "no" : "yes")}\",\"confidence\":0.875,\"tool\":\"bench\"," +
                $"\"recordedAt\":\"2020-06-10T12:34:56.789Z\",\"note\":\"synthetic rating for the store benchmark\"}}");
            events[i] = new EventData(Guid.NewGuid(), "RatingRecorded", Encoding.UTF8.GetBytes(json), metadata);
        }

        return events;
    }

    public static string StreamOf(int batchIndex) => $"benchratings-{batchIndex % Streams}";
}
