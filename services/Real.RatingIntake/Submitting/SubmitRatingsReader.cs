using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Real.Contracts;
using Real.Contracts.Messages.Intake;
using Real.Hosting.Messaging;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Reads a SubmitRatings body (plain JSON, as a tool sent it) without trusting anything: every problem becomes a
/// reason naming the field (a JSON path), the value as sent and what was expected. Problems with the batch header
/// (not JSON, not UTF-8, missing toolId, too many ratings) void the batch; a malformed entry of "ratings" rejects only
/// that entry. Unknown properties are ignored so that tools can be ahead of us (tolerant reader). This is syntax only:
/// whether the dataset, task or question exist, the rater namespace, id lengths and time limits are the validator's
/// business (RatingValidator, behind IRatingBatchRecorder).
/// </summary>
public static class SubmitRatingsReader
{
    /// <summary>The header ids must be usable before the validator runs (reply routing, the event's causation id); same limit as the validator's.</summary>
    public const int MaxIdLength = Validation.RatingLimits.MaxIdLength;
    private const int MaxValueEcho = 200;

    public static ParsedSubmission Read(ReadOnlySpan<byte> body)
    {
        if (body.Length > SubmitRatings.MaxBodyBytes)
        {
            return ParsedSubmission.Unreadable(new BatchError("$", $"{body.Length} bytes", $"the body is larger than the limit of {SubmitRatings.MaxBodyBytes} bytes; split the batch"));
        }

        if (body.IsEmpty)
        {
            return ParsedSubmission.Unreadable(new BatchError("$", null, "the body is empty; expected a JSON object"));
        }

        if (!Utf8.IsValid(body))
        {
            return ParsedSubmission.Unreadable(new BatchError("$", null, $"the body is not valid UTF-8: invalid byte sequence at byte {FirstInvalidUtf8Byte(body)}"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return ParsedSubmission.Unreadable(new BatchError("$", null, $"the body is not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (at < body.Length && Rune.DecodeFromUtf8(body[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    private static ParsedSubmission Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedSubmission.Unreadable(new BatchError("$", Echo(root), $"expected a JSON object, got {Kind(root)}"));
        }

        var errors = new List<BatchError>();
        var toolId = ReadHeaderString(root, "toolId", errors);
        if (toolId is not null && !ToolTopology.IsValidToolId(toolId))
        {
            errors.Add(new BatchError("toolId", Truncate(toolId), "a tool id is 1-64 characters of a-z, 0-9, '_' or '-'"));
        }

        var batchId = ReadHeaderString(root, "batchId", errors);
        var datasetId = ReadHeaderString(root, "datasetId", errors);
        if (!root.TryGetProperty("ratings", out var ratings) || ratings.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new BatchError("ratings", null, "missing; expected an array of ratings"));
        }
        else if (ratings.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new BatchError("ratings", Echo(ratings), $"expected an array of ratings, got {Kind(ratings)}"));
        }
        else if (ratings.GetArrayLength() == 0)
        {
            errors.Add(new BatchError("ratings", "[]", "the batch holds no ratings"));
        }
        else if (ratings.GetArrayLength() > SubmitRatings.MaxRatingsPerBatch)
        {
            errors.Add(new BatchError("ratings", $"{ratings.GetArrayLength()} ratings", $"at most {SubmitRatings.MaxRatingsPerBatch} ratings per batch; split the batch"));
        }

        if (errors.Count > 0)
        {
            return new ParsedSubmission(toolId, batchId, datasetId, errors, [], []);
        }

        var accepted = new List<IndexedRating>(ratings.GetArrayLength());
        var rejected = new List<RatingRejection>();
        var firstById = new Dictionary<string, IndexedRating>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in ratings.EnumerateArray())
        {
            var rating = ReadRating(element, index, rejected);
            if (rating is not null)
            {
                if (!firstById.TryGetValue(rating.RatingId, out var first))
                {
                    firstById.Add(rating.RatingId, new IndexedRating(index, rating));
                    accepted.Add(new IndexedRating(index, rating));
                }
                else if (first.Rating != rating)
                {
                    rejected.Add(new RatingRejection(rating.RatingId, index, $"ratings[{index}].ratingId", Truncate(rating.RatingId),
                        $"the rating id appears earlier in this batch (ratings[{first.Index}]) with different content; rating ids must be unique per tool"));
                }

                // An exact repeat within the batch is the same rating: recorded once, listed once.
            }

            index++;
        }

        return new ParsedSubmission(toolId, batchId, datasetId, [], accepted, rejected);
    }

    private static string? ReadHeaderString(JsonElement root, string name, List<BatchError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new BatchError(name, null, "missing; expected a non-empty string"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new BatchError(name, Echo(value), $"expected a string, got {Kind(value)}"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length is 0 or > MaxIdLength || text.Any(char.IsControl))
        {
            errors.Add(new BatchError(name, Truncate(text), $"expected 1-{MaxIdLength} printable characters"));
            return null;
        }

        return text;
    }

    private static SubmittedRating? ReadRating(JsonElement element, int index, List<RatingRejection> rejected)
    {
        var path = $"ratings[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            rejected.Add(new RatingRejection(null, index, path, Echo(element), $"expected a rating object, got {Kind(element)}"));
            return null;
        }

        var problems = new RatingProblems(index, path);
        var ratingId = problems.RequiredString(element, "ratingId");
        problems.RatingId = ratingId;
        var taskId = problems.OptionalString(element, "taskId");
        var image = problems.OptionalString(element, "image");
        var label = problems.Label(element);
        var raterId = problems.RequiredString(element, "raterId");
        var answer = problems.Answer(element);
        var answeredAt = problems.Timestamp(element, "answeredAt");
        if (!problems.Any && taskId is null && image is null)
        {
            problems.Add("taskId", null, "a rating names its question by taskId (with label) or by image (with label); both are missing");
        }

        if (problems.Any)
        {
            rejected.AddRange(problems.All);
            return null;
        }

        return new SubmittedRating(ratingId!, taskId, image, label!.Value, raterId!, answer!.Value, answeredAt!.Value);
    }

    internal static string Echo(JsonElement value) => Truncate(value.GetRawText());

    internal static string Truncate(string text) => text.Length <= MaxValueEcho ? text : string.Concat(text.AsSpan(0, MaxValueEcho), "…");

    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Collects the problems of one rating so that a tool learns all of them at once, not one per round trip.</summary>
    private sealed class RatingProblems(int index, string path)
    {
        private readonly List<RatingRejection> _all = [];

        public string? RatingId { get; set; }

        public bool Any => _all.Count > 0;

        public IReadOnlyList<RatingRejection> All => _all;

        public void Add(string field, string? value, string reason) =>
            _all.Add(new RatingRejection(RatingId, index, $"{path}.{field}", value, reason));

        public string? RequiredString(JsonElement rating, string name)
        {
            if (!rating.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Add(name, null, "missing; expected a non-empty string");
                return null;
            }

            return CheckString(name, value);
        }

        public string? OptionalString(JsonElement rating, string name) =>
            rating.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? CheckString(name, value) : null;

        public int? Label(JsonElement rating)
        {
            if (!rating.TryGetProperty("label", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Add("label", null, "missing; expected the class index (an integer from 0)");
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var label) || label < 0)
            {
                Add("label", Echo(value), "expected the class index: an integer from 0");
                return null;
            }

            return label;
        }

        public RatingAnswer? Answer(JsonElement rating)
        {
            if (!rating.TryGetProperty("answer", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Add("answer", null, "missing; expected \"yes\", \"maybe\" or \"no\"");
                return null;
            }

            RatingAnswer? answer = value.ValueKind == JsonValueKind.String
                ? value.GetString() switch
                {
                    "yes" => RatingAnswer.Yes,
                    "maybe" => RatingAnswer.Maybe,
                    "no" => RatingAnswer.No,
                    _ => null,
                }
                : null;
            if (answer is null)
            {
                Add("answer", Echo(value), "expected \"yes\", \"maybe\" or \"no\" (lowercase)");
            }

            return answer;
        }

        /// <summary>ISO 8601 with an explicit offset ("2025-01-31T12:00:00Z"): a time without a zone is ambiguous, so it is refused.</summary>
        public DateTimeOffset? Timestamp(JsonElement rating, string name)
        {
            if (!rating.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Add(name, null, "missing; expected an ISO 8601 time with offset, e.g. \"2025-01-31T12:00:00Z\"");
                return null;
            }

            if (value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: >= 20 and <= 40 } text
                && HasExplicitOffset(text)
                && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return parsed;
            }

            Add(name, Echo(value), "expected an ISO 8601 time with offset, e.g. \"2025-01-31T12:00:00Z\" or \"2025-01-31T13:00:00.250+01:00\"");
            return null;
        }

        private static bool HasExplicitOffset(string text) =>
            text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

        private string? CheckString(string name, JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Add(name, Echo(value), $"expected a string, got {Kind(value)}");
                return null;
            }

            // Length and characters are the validator's rules (RatingValidator), not the reader's: shape only here.
            return value.GetString()!;
        }
    }
}
