using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Data.RealVotes;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>
/// Registers the (image, label) questions of one archive as QuestionsRegistered events in <c>dataset-{id}</c>, in
/// chunks of <see cref="ChunkSize"/>, all in one atomic append with ids derived from (data set, source, chunk):
/// a re-import appends nothing. Every question is checked against the registered data set first.
/// </summary>
public static class QuestionRegistration
{
    public const int ChunkSize = 20_000;

    public static async Task<int> RegisterAsync(
        IEventStore store,
        EventSerializer serializer,
        DatasetRegistered dataset,
        string source,
        RealVoteFile file,
        CancellationToken cancellationToken)
    {
        var images = dataset.ImageFiles.ToHashSet(StringComparer.Ordinal);
        var questions = new QuestionRef[file.Questions.Count];
        for (var q = 0; q < questions.Length; q++)
        {
            var image = file.Questions.ImageFile(q);
            var label = file.Questions.Label(q);
            if (!images.Contains(image))
            {
                throw new InvalidDataException($"{file.Path}: question {q} names image '{image}', which is not an image of data set '{dataset.DatasetId}'.");
            }

            if (label < 0 || label >= dataset.ClassNames.Count)
            {
                throw new InvalidDataException($"{file.Path}: question {q} ({image}) has label {label}, not a class of data set '{dataset.DatasetId}' (0..{dataset.ClassNames.Count - 1}).");
            }

            questions[q] = new QuestionRef(image, label);
        }

        var events = new List<EventData>();
        for (var start = 0; start < questions.Length; start += ChunkSize)
        {
            var chunk = questions.AsSpan(start, Math.Min(ChunkSize, questions.Length - start)).ToArray();
            var id = DeterministicGuid.Create($"questions:{dataset.DatasetId}:{source}:{start / ChunkSize}");
            events.Add(serializer.ToEventData(id, new QuestionsRegistered(dataset.DatasetId, source, chunk), ImageNetDatasetRegistration.Metadata));
        }

        var result = await store.AppendToStreamAsync(StreamNames.Dataset(dataset.DatasetId), ExpectedRevision.Any, events, cancellationToken);
        return result.AppendedCount;
    }
}
