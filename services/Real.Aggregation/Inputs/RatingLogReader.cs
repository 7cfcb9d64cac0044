using Real.Contracts;
using Real.EventStore;

namespace Real.Aggregation.Inputs;

/// <summary>
/// Replays the <c>ratings</c> category up to a global position and collects the votes of one role (crowd for
/// aggregation, expert for golden evaluation) on one data set. Re-ratings keep the latest answer by answer time
/// (ties: the later event). A RatingRecorded that cannot be read is an error naming its stream and position —
/// intake validated it, so the log is damaged and a label set built around it would be wrong.
/// </summary>
public sealed class RatingLogReader(IEventReader reader)
{
    public const string RatingRecordedType = "RatingRecorded";

    /// <summary>Events per page read from the store.</summary>
    public const int PageSize = 8192;

    public async Task<RatingLogSnapshot> ReadAsync(
        DatasetSnapshot dataset,
        RaterRole role,
        long upToPosition,
        Func<RecordedEvent, bool>? include = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new AggregationInputBuilder(dataset);
        var raters = new RaterIndex();
        var builderRater = new List<int>();
        long eventsRead = 0, ratingsRead = 0, lastPosition = 0;
        var after = 0L;
        var done = false;
        var buffer = new char[RatingFields.MaxChars];
        while (!done)
        {
            var page = 0;
            await foreach (var recorded in reader.ReadCategoryAsync(StreamNames.RatingsCategory, after, PageSize, cancellationToken))
            {
                page++;
                after = recorded.GlobalPosition;
                if (recorded.GlobalPosition > upToPosition)
                {
                    done = true;
                    break;
                }

                eventsRead++;
                if (recorded.EventType != RatingRecordedType || (include is not null && !include(recorded)))
                {
                    continue;
                }

                var error = RatingFields.TryRead(recorded.Data.Span, dataset, raters, buffer, out var fields);
                if (error is not null)
                {
                    throw new InvalidDataException($"Stream '{recorded.Stream}' revision {recorded.Revision} (position {recorded.GlobalPosition}): RatingRecorded cannot be used: {error}.");
                }

                if (!fields.DatasetMatches || fields.Role != role)
                {
                    continue;
                }

                if ((uint)fields.Label >= (uint)dataset.ClassCount)
                {
                    throw new InvalidDataException($"Stream '{recorded.Stream}' revision {recorded.Revision} (position {recorded.GlobalPosition}): label {fields.Label} is not a class of data set '{dataset.DatasetId}' (0..{dataset.ClassCount - 1}).");
                }

                while (builderRater.Count <= fields.Rater)
                {
                    builderRater.Add(-1);
                }

                if (builderRater[fields.Rater] < 0)
                {
                    builderRater[fields.Rater] = builder.Rater(raters.Ids[fields.Rater]);
                }

                builder.Add(builder.Question(fields.Image, fields.Label), builderRater[fields.Rater], fields.Answer, fields.AnsweredAtTicks);
                ratingsRead++;
                lastPosition = recorded.GlobalPosition;
            }

            done |= page < PageSize;
        }

        return new RatingLogSnapshot(builder.Build(), upToPosition, eventsRead, ratingsRead, lastPosition);
    }
}
