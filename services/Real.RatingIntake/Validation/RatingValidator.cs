using System.Globalization;
using Real.Contracts;
using Real.RatingIntake.Catalog;

namespace Real.RatingIntake.Validation;

/// <summary>
/// Checks a batch against the rules in docs/intake.md: the batch (tool and batch ids, a registered data set, at most
/// <see cref="RatingLimits.MaxRatingsPerBatch"/> ratings) and then every rating on its own (rating id, rater id in the
/// tool's namespace, answer, answered-at, and a registered question or task). Every problem names the field and value.
/// Pure with respect to the store: it reads only the <see cref="QuestionCatalog"/>, which the caller brings up to date.
/// </summary>
public sealed class RatingValidator(QuestionCatalog catalog, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public BatchValidation Validate(RatingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ratings = batch.Ratings ?? [];
        var result = new BatchValidation(ratings.Count);
        result.BatchProblem = CheckBatch(batch, ratings.Count);
        if (result.BatchProblem is null)
        {
            var now = _clock.GetUtcNow();
            catalog.Read(view =>
            {
                var dataset = view.Dataset(batch.DatasetId);
                if (dataset is null)
                {
                    result.BatchProblem = new RatingProblem("datasetId", batch.DatasetId, "no such data set is registered (import or register it first)");
                    return 0;
                }

                MarkRepeats(ratings, result);
                for (var i = 0; i < ratings.Count; i++)
                {
                    if (result.Problems[i] is not null || result.RepeatOf[i] >= 0)
                    {
                        continue;
                    }

                    var rating = ratings[i];
                    string? image = null;
                    var problem = rating is null
                        ? new RatingProblem("ratings", null, "a rating is null")
                        : CheckRating(batch, rating, now);
                    problem ??= CheckQuestion(view, batch.DatasetId, dataset, rating!, out image);
                    if (problem is null)
                    {
                        result.Valid.Add(new ValidRating(i, rating!, image!, rating!.Label));
                    }
                    else
                    {
                        result.Problems[i] = problem;
                    }
                }

                return 0;
            });
        }

        if (result.BatchProblem is not null)
        {
            result.Valid.Clear();
            Array.Fill(result.Problems, result.BatchProblem);
        }

        return result;
    }

    /// <summary>Tool ids and rater namespaces: 1-64 of [A-Za-z0-9._-], starting with a letter or digit (no ':', no spaces).</summary>
    public static bool IsValidToolId(string? toolId) =>
        toolId is { Length: > 0 and <= 64 }
        && char.IsAsciiLetterOrDigit(toolId[0])
        && toolId.AsSpan().IndexOfAnyExcept(ToolIdChars) < 0;

    private static readonly System.Buffers.SearchValues<char> ToolIdChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private static RatingProblem? CheckBatch(RatingBatch batch, int count)
    {
        if (batch.Tool is null || !IsValidToolId(batch.Tool.ToolId))
        {
            return new RatingProblem("toolId", Shorten(batch.Tool?.ToolId), "a tool id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        if (!IsValidToolId(batch.Tool.RaterNamespace))
        {
            return new RatingProblem("toolId", batch.Tool.RaterNamespace, "the tool's rater namespace is not a valid tool id");
        }

        return IdProblem("batchId", batch.BatchId)
            ?? IdProblem("datasetId", batch.DatasetId)
            ?? count switch
            {
                0 => new RatingProblem("ratings", "0", "a batch holds at least one rating"),
                > RatingLimits.MaxRatingsPerBatch => new RatingProblem(
                    "ratings",
                    count.ToString(CultureInfo.InvariantCulture),
                    $"a batch holds at most {RatingLimits.MaxRatingsPerBatch:N0} ratings; split it"),
                _ => null,
            };
    }

    /// <summary>Finds rating ids used twice: exact repeats point at the first; different content rejects every use.</summary>
    private static void MarkRepeats(IReadOnlyList<IncomingRating> ratings, BatchValidation result)
    {
        var first = new Dictionary<string, int>(ratings.Count, StringComparer.Ordinal);
        List<string>? conflicting = null;
        for (var i = 0; i < ratings.Count; i++)
        {
            var id = ratings[i]?.RatingId;
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!first.TryAdd(id, i))
            {
                var earlier = first[id];
                if (ratings[earlier] == ratings[i])
                {
                    result.RepeatOf[i] = earlier;
                }
                else
                {
                    (conflicting ??= []).Add(id);
                }
            }
        }

        if (conflicting is null)
        {
            return;
        }

        var conflicts = conflicting.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ratings.Count; i++)
        {
            if (ratings[i]?.RatingId is { } id && conflicts.Contains(id))
            {
                result.RepeatOf[i] = -1;
                result.Problems[i] = new RatingProblem("ratingId", Shorten(id), "the batch holds this rating id more than once with different content; a rating id names one rating");
            }
        }
    }

    private RatingProblem? CheckRating(RatingBatch batch, IncomingRating rating, DateTimeOffset now)
    {
        var problem = IdProblem("ratingId", rating.RatingId) ?? IdProblem("raterId", rating.RaterId);
        if (problem is not null)
        {
            return problem;
        }

        var prefix = batch.Tool.RaterPrefix;
        if (!rating.RaterId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return new RatingProblem(
                "raterId",
                Shorten(rating.RaterId),
                $"tool '{batch.Tool.ToolId}' may only submit raters of its namespace, \"{prefix}<rater>\"; a tool cannot write as another tool");
        }

        if (rating.RaterId.Length == prefix.Length)
        {
            return new RatingProblem("raterId", rating.RaterId, $"nothing follows the namespace \"{prefix}\"");
        }

        if (!Enum.IsDefined(rating.Answer))
        {
            return new RatingProblem("answer", ((int)rating.Answer).ToString(CultureInfo.InvariantCulture), "the answer must be no, maybe or yes");
        }

        if (rating.AnsweredAt < RatingLimits.EarliestAnsweredAt)
        {
            return new RatingProblem("answeredAt", Format(rating.AnsweredAt), $"before {Format(RatingLimits.EarliestAnsweredAt)}: not a plausible time for a rating");
        }

        if (rating.AnsweredAt > now + RatingLimits.MaxClockSkew)
        {
            return new RatingProblem(
                "answeredAt",
                Format(rating.AnsweredAt),
                $"in the future (server time {Format(now)}, allowed skew {RatingLimits.MaxClockSkew.TotalMinutes:0} minutes)");
        }

        return null;
    }

    private static RatingProblem? CheckQuestion(CatalogView view, string datasetId, CatalogDataset dataset, IncomingRating rating, out string? image)
    {
        image = rating.Image;
        if (rating.TaskId is not null)
        {
            if (IdProblem("taskId", rating.TaskId) is { } taskIdProblem)
            {
                return taskIdProblem;
            }

            var task = view.Task(rating.TaskId);
            if (task is null)
            {
                return new RatingProblem("taskId", rating.TaskId, "no such rating task was issued");
            }

            if (!string.Equals(task.DatasetId, datasetId, StringComparison.Ordinal))
            {
                return new RatingProblem("taskId", rating.TaskId, $"the task belongs to data set '{task.DatasetId}', not '{datasetId}'");
            }

            if (rating.Image is not null && !string.Equals(rating.Image, task.Image, StringComparison.Ordinal))
            {
                return new RatingProblem("image", Shorten(rating.Image), $"task '{task.TaskId}' is about image '{task.Image}'");
            }

            if (!task.Labels.Contains(rating.Label))
            {
                return new RatingProblem(
                    "label",
                    rating.Label.ToString(CultureInfo.InvariantCulture),
                    $"not a candidate of task '{task.TaskId}' (candidates: {string.Join(", ", task.Labels)})");
            }

            image = task.Image;
            return null;
        }

        if (string.IsNullOrEmpty(rating.Image))
        {
            return new RatingProblem("image", rating.Image, "name the question: give a taskId, or an image and a label");
        }

        if (rating.Label < 0 || rating.Label >= dataset.ClassCount)
        {
            return new RatingProblem(
                "label",
                rating.Label.ToString(CultureInfo.InvariantCulture),
                $"not a class of data set '{datasetId}' (0..{dataset.ClassCount - 1})");
        }

        if (!dataset.TryGetImage(rating.Image, out var imageIndex))
        {
            return new RatingProblem("image", Shorten(rating.Image), $"not an image of data set '{datasetId}'");
        }

        if (!dataset.HasQuestion(imageIndex, rating.Label))
        {
            return new RatingProblem(
                "label",
                rating.Label.ToString(CultureInfo.InvariantCulture),
                $"question (image '{rating.Image}', label {rating.Label}) is not registered for data set '{datasetId}'; only registered questions and task candidates can be rated");
        }

        return null;
    }

    private static RatingProblem? IdProblem(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new RatingProblem(field, value, "missing");
        }

        if (value.Length > RatingLimits.MaxIdLength)
        {
            return new RatingProblem(field, Shorten(value), $"longer than {RatingLimits.MaxIdLength} characters");
        }

        if (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 || value.Contains('\u007f', StringComparison.Ordinal))
        {
            return new RatingProblem(field, Shorten(value), "holds control characters");
        }

        return null;
    }

    private static string? Shorten(string? value) => value is { Length: > 200 } ? value[..200] + "…" : value;

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
