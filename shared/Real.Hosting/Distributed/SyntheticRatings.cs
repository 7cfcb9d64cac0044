using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Hosting.Distributed;

/// <summary>
/// A made-up data set and a deterministic stream of ratings on it, for load runs: <see cref="Images"/> images,
/// 1,000 classes, <see cref="QuestionCount"/> (image, label) questions, and rating i answering question i mod Q by
/// rater i mod 211 of tool <see cref="ToolId"/>. Generated on the fly: a million ratings never sit in memory.
/// </summary>
public sealed class SyntheticRatings(string toolId, long ratings, int images = 50_000)
{
    public const string DatasetId = "bench-synthetic";
    public const int Classes = 1000;
    private static readonly DateTimeOffset AnsweredAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Answers = ["yes", "no", "maybe", "yes", "no"];

    public string ToolId { get; } = toolId;

    public long Ratings { get; } = ratings;

    public int Images { get; } = images;

    /// <summary>About five ratings per question, like the ReaL study.</summary>
    public int QuestionCount { get; } = (int)Math.Clamp(ratings / 5, 1, (long)images * 8);

    public static string ImageFile(int image) => $"bench_{image + 1:D8}.JPEG";

    public QuestionRef Question(int q) => new(ImageFile(q % Images), (int)((q / (long)Images * 131 + q * 7L) % Classes));

    public ToolRating Rating(long i)
    {
        var question = Question((int)(i % QuestionCount));
        return new ToolRating($"r{i}", question.Image, question.Label, $"{ToolId}:rater{i % 211}", Answers[(int)(i % Answers.Length)], AnsweredAt);
    }

    /// <summary>How many SubmitRatings batches of <paramref name="batchSize"/> carry every rating.</summary>
    public long BatchCount(int batchSize) => (Ratings + batchSize - 1) / batchSize;

    /// <summary>
    /// The SubmitRatings body of batch <paramref name="batch"/> (ratings batch × size onwards), with batch id
    /// "{prefix}-{batch}". <paramref name="buffer"/> is reused between calls so a load run allocates no list per batch.
    /// </summary>
    public byte[] BatchBody(long batch, int batchSize, string prefix, List<ToolRating> buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        var end = Math.Min(Ratings, (batch + 1) * batchSize);
        for (var i = batch * batchSize; i < end; i++)
        {
            buffer.Add(Rating(i));
        }

        return SubmitRatingsJson.Write(ToolId, $"{prefix}-{batch}", DatasetId, buffer);
    }

    /// <summary>Appends DatasetRegistered and the questions (in chunks) to dataset-{id}; idempotent (deterministic ids).</summary>
    public async Task RegisterAsync(IEventWriter store, EventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        var files = Enumerable.Range(0, Images).Select(ImageFile).ToArray();
        var dataset = new DatasetRegistered(DatasetId, "synthetic load-test data set", [.. Enumerable.Range(0, Classes).Select(c => $"class {c}")],
            files, [.. Enumerable.Range(0, Images).Select(i => i % Classes)]);
        var metadata = new EventMetadata { ProducingService = "bench", SourceMessageId = DatasetId };
        var events = new List<EventData> { serializer.ToEventData(DeterministicGuid.Create($"dataset:{DatasetId}"), dataset, metadata) };
        const int chunk = 20_000;
        for (var start = 0; start < QuestionCount; start += chunk)
        {
            var questions = Enumerable.Range(start, Math.Min(chunk, QuestionCount - start)).Select(Question).ToArray();
            events.Add(serializer.ToEventData(DeterministicGuid.Create($"questions:{DatasetId}:{ToolId}:{start / chunk}"),
                new QuestionsRegistered(DatasetId, ToolId, questions), metadata));
        }

        await store.AppendToStreamAsync(StreamNames.Dataset(DatasetId), ExpectedRevision.Any, events, cancellationToken);
    }
}
