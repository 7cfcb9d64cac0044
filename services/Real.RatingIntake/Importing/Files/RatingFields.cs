using System.Globalization;
using Real.Contracts;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.Files;

/// <summary>
/// The fields of a rating in files, named as in SubmitRatings' JSON, and how their text is parsed. CSV headers
/// match case-insensitively and ignore '_' (rating_id = ratingId).
/// </summary>
public static class RatingFields
{
    public const string RatingId = "ratingId";
    public const string TaskId = "taskId";
    public const string Image = "image";
    public const string Label = "label";
    public const string RaterId = "raterId";
    public const string Answer = "answer";
    public const string AnsweredAt = "answeredAt";
    public const string DatasetId = "datasetId";

    public static IReadOnlyList<string> All { get; } = [RatingId, TaskId, Image, Label, RaterId, Answer, AnsweredAt, DatasetId];

    /// <summary>Fields every row needs (besides image or taskId).</summary>
    public static IReadOnlyList<string> Required { get; } = [RatingId, Label, RaterId, Answer, AnsweredAt];

    /// <summary>The canonical field name for a header or property name, or null when it names none.</summary>
    public static string? Canonical(string name)
    {
        var key = name.Replace("_", "", StringComparison.Ordinal).Trim();
        return All.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));
    }

    public static bool TryParseAnswer(string? text, out RatingAnswer answer)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "no":
                answer = RatingAnswer.No;
                return true;
            case "maybe":
                answer = RatingAnswer.Maybe;
                return true;
            case "yes":
                answer = RatingAnswer.Yes;
                return true;
            default:
                answer = default;
                return false;
        }
    }

    /// <summary>ISO 8601 with an offset or 'Z' (e.g. 2024-05-01T12:00:00Z); a time without an offset is ambiguous and refused.</summary>
    public static bool TryParseAnsweredAt(string? text, out DateTimeOffset answeredAt)
    {
        answeredAt = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':');
        return hasOffset && trimmed.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out answeredAt);
    }

    public static RatingProblem AnswerProblem(string? text) => new(Answer, text, "must be no, maybe or yes");

    public static RatingProblem AnsweredAtProblem(string? text) =>
        new(AnsweredAt, text, "must be an ISO 8601 time with an offset, e.g. 2024-05-01T12:00:00Z");

    public static RatingProblem LabelProblem(string? text) => new(Label, text, "must be a class index (an integer)");

    public static bool TryParseLabel(string? text, out int label) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out label);
}
