using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Real.Hosting.Distributed;

/// <summary>One rating as a tool sends it, naming its question by (image, label).</summary>
public readonly record struct ToolRating(string RatingId, string Image, int Label, string RaterId, string Answer, DateTimeOffset AnsweredAt);

/// <summary>Writes a SubmitRatings body exactly as docs/rating-tool-protocol.md shows it (what an external tool sends).</summary>
public static class SubmitRatingsJson
{
    public static byte[] Write(string toolId, string batchId, string datasetId, IReadOnlyList<ToolRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var buffer = new ArrayBufferWriter<byte>(256 + (ratings.Count * 160));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("toolId", toolId);
            json.WriteString("batchId", batchId);
            json.WriteString("datasetId", datasetId);
            json.WriteStartArray("ratings");
            foreach (var r in ratings)
            {
                json.WriteStartObject();
                json.WriteString("ratingId", r.RatingId);
                json.WriteString("image", r.Image);
                json.WriteNumber("label", r.Label);
                json.WriteString("raterId", r.RaterId);
                json.WriteString("answer", r.Answer);
                json.WriteString("answeredAt", r.AnsweredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
