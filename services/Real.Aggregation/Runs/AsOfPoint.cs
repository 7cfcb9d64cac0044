using System.Globalization;

namespace Real.Aggregation.Runs;

/// <summary>
/// How far into the log a run reads: a global position (an integer), or a time (ISO 8601) meaning every rating
/// recorded at or before it. <see cref="Text"/> is what the user gave, kept for the record.
/// </summary>
public sealed record AsOfPoint(long? Position, DateTimeOffset? Time, string Text)
{
    public static AsOfPoint AtPosition(long position) =>
        position >= 0 ? new(position, null, position.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(position), position, "A log position is 0 or more.");

    public static AsOfPoint AtTime(DateTimeOffset time) => new(null, time, time.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Parses "--as-of": digits are a position, anything else must be an ISO 8601 time (a time without offset is UTC).</summary>
    public static AsOfPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? new AsOfPoint(position, null, text)
                : throw new ArgumentException($"--as-of '{text}' is too large for a log position.");
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return new AsOfPoint(null, time, text);
        }

        throw new ArgumentException($"--as-of '{text}' is neither a log position (an integer) nor an ISO 8601 time such as 2020-06-12T10:00:00Z.");
    }
}
