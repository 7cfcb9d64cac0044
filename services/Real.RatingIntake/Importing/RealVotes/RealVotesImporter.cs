using System.Diagnostics;
using Real.Data.ImageNet;
using Real.Data.RealVotes;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.RatingIntake.Recording;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Importing.RealVotes;

/// <summary>
/// `real import real-votes`: reads the three ReaL archives and the ImageNet metadata (all of it before writing
/// anything, so a missing or corrupt file leaves the store untouched), registers the data set and the questions,
/// then records every vote through the same <see cref="RatingRecorder"/> the bus and HTTP use, in batches of
/// <see cref="BatchSize"/>. Every event id is deterministic, so a second run appends nothing.
/// </summary>
public sealed class RealVotesImporter(IEventStore store, EventSerializer serializer, RatingRecorder recorder)
{
    /// <summary>Ratings per recorded batch (one atomic append each); at most <see cref="RatingLimits.MaxRatingsPerBatch"/>.</summary>
    public int BatchSize { get; init; } = 5_000;

    public async Task<RealVotesImportReport> ImportAsync(string votesDirectory, string imageNetDirectory, IImportProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, RatingLimits.MaxRatingsPerBatch);
        progress ??= IImportProgress.None;
        var clock = Stopwatch.StartNew();

        var metadata = ImageNetMetadata.Load(imageNetDirectory);
        var files = LoadArchives(votesDirectory, progress);
        var dataset = ImageNetDatasetRegistration.Build(metadata);
        var datasetEvents = await ImageNetDatasetRegistration.EnsureAsync(store, serializer, dataset, cancellationToken);

        var questionEvents = new int[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            questionEvents[i] = await QuestionRegistration.RegisterAsync(store, serializer, dataset, RealVotesMapping.All[i].Tool.ToolId, files[i], cancellationToken);
        }

        var reports = new List<RealVotesFileReport>(files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            reports.Add(await RecordVotesAsync(RealVotesMapping.All[i], files[i], questionEvents[i], progress, cancellationToken));
        }

        return new RealVotesImportReport(datasetEvents, reports, clock.Elapsed);
    }

    private static RealVoteFile[] LoadArchives(string directory, IImportProgress progress)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: ReaL votes directory not found (expected {string.Join(", ", RealVotesMapping.All.Select(s => s.FileName))}).");
        }

        var relay = new ReadProgress(progress);
        return RealVotesMapping.All.Select(source => RealVoteFileReader.Read(Path.Combine(directory, source.FileName), relay)).ToArray();
    }

    /// <summary>
    /// Records one archive's votes batch by batch. Pipelined: while batch k is appended (on the thread pool), batch
    /// k+1 is built and validated here, so the CPU work of both halves overlaps; appends stay in order, one at a time.
    /// </summary>
    private async Task<RealVotesFileReport> RecordVotesAsync(RealVotesSource source, RealVoteFile file, int questionEvents, IImportProgress progress, CancellationToken cancellationToken)
    {
        var step = $"record {source.FileName}";
        progress.Begin(step, file.Votes.Length);
        var raterIds = file.RaterIds.Select(source.RaterId).ToArray();
        var tally = new Tally();
        Task? inFlight = null;
        for (var start = 0; start < file.Votes.Length; start += BatchSize)
        {
            var end = Math.Min(file.Votes.Length, start + BatchSize);
            var batch = new List<IncomingRating>(end - start);
            for (var v = start; v < end; v++)
            {
                var vote = file.Votes[v];
                var image = file.Questions.ImageFile(vote.Question);
                var label = file.Questions.Label(vote.Question);
                batch.Add(new IncomingRating(
                    source.RatingId(file.RaterIds[vote.Rater], image, label),
                    TaskId: null,
                    image,
                    label,
                    raterIds[vote.Rater],
                    RealVotesMapping.Answer(vote.Answer),
                    RealVotesMapping.AnsweredAt));
            }

            var prepared = await recorder.PrepareAsync(new RatingBatch(source.Tool, source.FileName, RealVotesMapping.DatasetId, batch), metadata: null, cancellationToken);
            if (inFlight is not null)
            {
                await inFlight;
            }

            var count = end - start;
            inFlight = Task.Run(
                async () =>
                {
                    tally.Add(await recorder.CommitAsync(prepared, cancellationToken));
                    progress.Advance(step, count);
                },
                cancellationToken);
        }

        if (inFlight is not null)
        {
            await inFlight;
        }

        return new RealVotesFileReport(source.FileName, source.Tool.ToolId, file.Questions.Count, questionEvents, file.Votes.Length, tally.Recorded, tally.Duplicates, tally.Rejected, tally.Problems);
    }

    /// <summary>Outcome counts of one archive (updated by one commit at a time).</summary>
    private sealed class Tally
    {
        public int Recorded { get; private set; }

        public int Duplicates { get; private set; }

        public int Rejected { get; private set; }

        public List<(string RatingId, RatingProblem Problem)> Problems { get; } = [];

        public void Add(RecordingResult result)
        {
            Recorded += result.Recorded;
            Duplicates += result.Duplicates;
            Rejected += result.Rejected;
            foreach (var outcome in result.Outcomes)
            {
                if (outcome.Problem is not null && Problems.Count < 20)
                {
                    Problems.Add((outcome.RatingId ?? "?", outcome.Problem));
                }
            }
        }
    }

    /// <summary>Relays the reader's per-rater progress as "read {file}" steps.</summary>
    private sealed class ReadProgress(IImportProgress progress) : IProgress<RealVotesProgress>
    {
        public void Report(RealVotesProgress value)
        {
            var step = $"read {value.File}";
            if (value.RatersRead == 1)
            {
                progress.Begin(step, value.RaterCount);
            }

            progress.Advance(step, 1);
        }
    }
}
