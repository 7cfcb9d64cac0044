using System.Globalization;
using System.Text;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>Builds SubmitRatings bodies as a tool would write them: by hand, as plain JSON text.</summary>
public static class SubmissionJson
{
    public static string Rating(string ratingId, string tool = "acme", string image = "ILSVRC2012_val_00000001.JPEG", int label = 65, string answer = "yes", string rater = "r1", string answeredAt = "2025-01-31T12:00:00Z") =>
        $$"""{"ratingId":"{{ratingId}}","image":"{{image}}","label":{{label.ToString(CultureInfo.InvariantCulture)}},"raterId":"{{tool}}:{{rater}}","answer":"{{answer}}","answeredAt":"{{answeredAt}}"}""";

    public static string Batch(string batchId, IEnumerable<string> ratings, string tool = "acme", string dataset = "imagenet-val") =>
        $$"""{"toolId":"{{tool}}","batchId":"{{batchId}}","datasetId":"{{dataset}}","ratings":[{{string.Join(',', ratings)}}]}""";

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
