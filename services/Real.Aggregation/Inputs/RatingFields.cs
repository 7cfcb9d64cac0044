using System.Buffers;
using System.Text.Json;
using Real.Aggregation.DawidSkene;
using Real.Contracts;

namespace Real.Aggregation.Inputs;

/// <summary>
/// The fields of a stored RatingRecorded that aggregation needs, read straight from its UTF-8 JSON with
/// <see cref="Utf8JsonReader"/>: no object per event, no string per field except for raters seen the first time.
/// Replaying a million ratings this way costs a fraction of full deserialisation. The names and value spellings
/// are those <c>EventSerializer</c> writes (camelCase, enums as camelCase strings); a test pins them together.
/// </summary>
internal struct RatingFields
{
    /// <summary>Characters a scratch buffer for <see cref="TryRead"/> should hold; longer strings are allocated.</summary>
    public const int MaxChars = 512;

    public int Image;
    public int Label;
    public int Rater;
    public Answer Answer;
    public RaterRole Role;
    public long AnsweredAtTicks;
    public bool DatasetMatches;

    /// <summary>
    /// Parses one event. Image and rater are resolved to indices through <paramref name="dataset"/> and
    /// <paramref name="raters"/> (a new rater id is registered); <paramref name="buffer"/> is scratch space for
    /// unescaped strings. Returns an error text instead of throwing.
    /// </summary>
    public static string? TryRead(ReadOnlySpan<byte> json, DatasetSnapshot dataset, RaterIndex raters, char[] buffer, out RatingFields fields)
    {
        fields = default;
        fields.Image = -1;
        fields.Rater = -1;
        fields.Label = -1;
        var sawAnswer = false;
        var sawRole = false;
        var sawDataset = false;
        var sawTime = false;
        string? unknownImage = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "data is not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("raterId"u8))
                {
                    reader.Read();
                    fields.Rater = raters.IndexOf(Chars(ref reader, buffer));
                }
                else if (reader.ValueTextEquals("role"u8))
                {
                    reader.Read();
                    sawRole = true;
                    fields.Role = reader.ValueTextEquals("crowd"u8) ? RaterRole.Crowd
                        : reader.ValueTextEquals("expert"u8) ? RaterRole.Expert
                        : reader.ValueTextEquals("control"u8) ? RaterRole.Control
                        : (RaterRole)(-1);
                    if (fields.Role < 0)
                    {
                        return $"role '{reader.GetString()}' is not crowd, expert or control";
                    }
                }
                else if (reader.ValueTextEquals("datasetId"u8))
                {
                    reader.Read();
                    sawDataset = true;
                    fields.DatasetMatches = Chars(ref reader, buffer).SequenceEqual(dataset.DatasetId);
                }
                else if (reader.ValueTextEquals("image"u8))
                {
                    reader.Read();
                    var image = Chars(ref reader, buffer);
                    fields.Image = dataset.IndexOf(image);
                    unknownImage = fields.Image < 0 ? image.ToString() : null;
                }
                else if (reader.ValueTextEquals("label"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out fields.Label))
                    {
                        return "label is not an integer";
                    }
                }
                else if (reader.ValueTextEquals("answer"u8))
                {
                    reader.Read();
                    sawAnswer = true;
                    fields.Answer = reader.ValueTextEquals("no"u8) ? Answer.No
                        : reader.ValueTextEquals("maybe"u8) ? Answer.Maybe
                        : reader.ValueTextEquals("yes"u8) ? Answer.Yes
                        : (Answer)255;
                    if ((byte)fields.Answer == 255)
                    {
                        return $"answer '{(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString())}' is not no, maybe or yes";
                    }
                }
                else if (reader.ValueTextEquals("answeredAt"u8))
                {
                    reader.Read();
                    sawTime = true;
                    if (!reader.TryGetDateTimeOffset(out var answeredAt))
                    {
                        return "answeredAt is not a date-time";
                    }

                    fields.AnsweredAtTicks = answeredAt.UtcTicks;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            return $"data is not valid JSON: {ex.Message}";
        }

        return fields.Rater < 0 ? "raterId is missing"
            : !sawRole ? "role is missing"
            : !sawDataset ? "datasetId is missing"
            : fields.Image < 0 && fields.DatasetMatches ? (unknownImage is null ? "image is missing" : $"image '{unknownImage}' is not an image of data set '{dataset.DatasetId}'")
            : fields.Label < 0 ? "label is missing or negative"
            : !sawAnswer ? "answer is missing"
            : !sawTime ? "answeredAt is missing"
            : null;
    }

    /// <summary>Whether a RatingRecorded's data is a crowd rating of <paramref name="datasetId"/>, reading only those two fields.</summary>
    public static bool IsCrowdRatingOf(ReadOnlySpan<byte> json, string datasetId)
    {
        var reader = new Utf8JsonReader(json);
        bool? crowd = null, dataset = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while ((crowd is null || dataset is null) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("role"u8))
                {
                    reader.Read();
                    crowd = reader.ValueTextEquals("crowd"u8);
                }
                else if (reader.ValueTextEquals("datasetId"u8))
                {
                    reader.Read();
                    dataset = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(datasetId);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return crowd == true && dataset == true;
    }

    private static ReadOnlySpan<char> Chars(ref Utf8JsonReader reader, char[] buffer)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a string, found {reader.TokenType}");
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= buffer.Length ? buffer.AsSpan(0, reader.CopyString(buffer)) : reader.GetString().AsSpan();
    }
}
