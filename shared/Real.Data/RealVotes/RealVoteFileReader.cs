using System.Globalization;
using System.Runtime.ExceptionServices;
using Real.Data.Npy;

namespace Real.Data.RealVotes;

/// <summary>
/// Reads one ReaL vote archive: <c>tensor</c> (raters × questions × 3, float64 one-hot no/maybe/yes),
/// <c>info</c> (questions × 2 unicode: file name, label index as text) and <c>ids</c> (raters, int64).
/// The tensor is streamed one rater at a time (4.4 MB for raters.npz), never held whole (377 MB).
/// </summary>
public static class RealVoteFileReader
{
    public static RealVoteFile Read(string path, IProgress<RealVotesProgress>? progress = null)
    {
        // The questions (info) and the votes (tensor) are separate members of similar cost: read the questions from a
        // second handle on the thread pool while this thread reads the votes, and check that they agree afterwards.
        var reading = Task.Run(() =>
        {
            using var archive = NpzArchive.Open(path);
            return ReadQuestions(archive);
        });
        (long[] RaterIds, RealVote[] Votes, NpyHeader Tensor)? read = null;
        ExceptionDispatchInfo? votesError = null;
        try
        {
            read = ReadVotes(path, progress);
        }
        catch (Exception ex)
        {
            votesError = ExceptionDispatchInfo.Capture(ex);
        }

        // The questions' error first, as a reading in file order would report it; then the votes'.
        var questions = reading.GetAwaiter().GetResult();
        votesError?.Throw();
        var (raterIds, votes, tensor) = read!.Value;
        tensor.RequireShape(raterIds.Length, questions.Count, 3);
        return new RealVoteFile(path, raterIds, questions, votes);
    }

    private static (long[] RaterIds, RealVote[] Votes, NpyHeader Tensor) ReadVotes(string path, IProgress<RealVotesProgress>? progress)
    {
        using var npz = NpzArchive.Open(path);
        var fileName = Path.GetFileName(path);

        long[] raterIds;
        using (var ids = npz.OpenMember("ids"))
        {
            ids.Header.RequireDType(NpyKind.Int64).RequireShape([null]);
            raterIds = ids.ReadAll<long>();
        }

        CheckRaterIds(ids: raterIds, path);

        using var tensor = npz.OpenMember("tensor");
        tensor.Header.RequireDType(NpyKind.Float64).RequireShape(raterIds.Length, null, 3);
        var questionCount = checked((int)tensor.Header.Shape[1]);
        var votes = new List<RealVote>(capacity: questionCount * 5);
        var slice = new double[questionCount * 3];
        for (var rater = 0; rater < raterIds.Length; rater++)
        {
            tensor.Read<double>(slice);
            for (var q = 0; q < questionCount; q++)
            {
                double no = slice[3 * q], maybe = slice[(3 * q) + 1], yes = slice[(3 * q) + 2];
                if (no == 0 && maybe == 0 && yes == 0)
                {
                    continue;
                }

                var answer = (no, maybe, yes) switch
                {
                    (1, 0, 0) => RealVoteAnswer.No,
                    (0, 1, 0) => RealVoteAnswer.Maybe,
                    (0, 0, 1) => RealVoteAnswer.Yes,
                    _ => throw new InvalidDataException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{tensor.Header.Source}: rater {rater} (id {raterIds[rater]}), question {q}: ({no}, {maybe}, {yes}) is neither all zero nor one-hot over (no, maybe, yes).")),
                };
                votes.Add(new RealVote(q, (short)rater, answer));
            }

            progress?.Report(new RealVotesProgress(fileName, rater + 1, raterIds.Length));
        }

        return (raterIds, votes.ToArray(), tensor.Header);
    }

    private static void CheckRaterIds(long[] ids, string path)
    {
        if (ids.Length > short.MaxValue)
        {
            throw new InvalidDataException($"{path}:ids.npy: {ids.Length} raters are more than this reader supports ({short.MaxValue}).");
        }

        var seen = new HashSet<long>();
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new InvalidDataException($"{path}:ids.npy: rater id {id} appears twice.");
            }
        }
    }

    private static RealQuestions ReadQuestions(NpzArchive npz)
    {
        using var info = npz.OpenMember("info");
        info.Header.RequireDType(NpyKind.Unicode).RequireShape(null, 2);
        var cells = info.ReadAllStrings();
        var count = cells.Length / 2;
        var imageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var images = new List<string>();
        var imageOf = new int[count];
        var labels = new int[count];
        var seen = new HashSet<(int, int)>();
        for (var q = 0; q < count; q++)
        {
            var file = cells[2 * q];
            var labelText = cells[(2 * q) + 1];
            if (file.Length == 0)
            {
                throw new InvalidDataException($"{info.Header.Source}: row {q}: empty file name.");
            }

            if (!int.TryParse(labelText, NumberStyles.None, CultureInfo.InvariantCulture, out var label))
            {
                throw new InvalidDataException($"{info.Header.Source}: row {q}: label '{labelText}' is not a non-negative integer.");
            }

            if (!imageIndex.TryGetValue(file, out var image))
            {
                image = images.Count;
                imageIndex.Add(file, image);
                images.Add(file);
            }

            if (!seen.Add((image, label)))
            {
                throw new InvalidDataException($"{info.Header.Source}: row {q}: question ({file}, {label}) appears twice.");
            }

            imageOf[q] = image;
            labels[q] = label;
        }

        return new RealQuestions(images.ToArray(), imageOf, labels);
    }
}
