using Real.Data.RealVotes;
using Real.Testing;
using Real.Testing.Npy;

namespace Real.Data.Tests.RealVotes;

public sealed class RealVoteFileReaderTests
{
    private static readonly (string, int)[] Questions =
        [("ILSVRC2012_val_00000003.JPEG", 230), ("ILSVRC2012_val_00000003.JPEG", 231), ("ILSVRC2012_val_00000001.JPEG", 65)];

    [Fact]
    public void Reads_questions_raters_and_only_the_answers_given()
    {
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        RealVotesFixture.Write(path, [189, 111], Questions, [[2, -1, 0], [-1, 1, 2]]);

        var file = RealVoteFileReader.Read(path);

        Assert.Equal("raters.npz", file.FileName);
        Assert.Equal([189L, 111L], file.RaterIds);
        Assert.Equal(3, file.Questions.Count);
        Assert.Equal(["ILSVRC2012_val_00000003.JPEG", "ILSVRC2012_val_00000001.JPEG"], file.Questions.Images);
        Assert.Equal(("ILSVRC2012_val_00000003.JPEG", 231), (file.Questions.ImageFile(1), file.Questions.Label(1)));
        Assert.Equal(
            [
                new RealVote(0, 0, RealVoteAnswer.Yes), new RealVote(2, 0, RealVoteAnswer.No),
                new RealVote(1, 1, RealVoteAnswer.Maybe), new RealVote(2, 1, RealVoteAnswer.Yes),
            ],
            file.Votes);
    }

    [Fact]
    public void Reports_progress_per_rater()
    {
        using var dir = new TempDirectory();
        var path = dir.File("golden.npz");
        RealVotesFixture.Write(path, [1, 2, 3], Questions, [[0, 0, 0], [1, 1, 1], [2, 2, 2]]);
        var reports = new List<RealVotesProgress>();

        RealVoteFileReader.Read(path, new SynchronousProgress<RealVotesProgress>(reports.Add));

        Assert.Equal([1, 2, 3], reports.Select(r => r.RatersRead));
        Assert.All(reports, r => Assert.Equal(("golden.npz", 3), (r.File, r.RaterCount)));
    }

    [Fact]
    public void A_tensor_entry_that_is_not_one_hot_is_rejected_with_its_place()
    {
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        var tensor = new double[2 * 3 * 3];
        tensor[(((1 * 3) + 2) * 3) + 0] = 0.5;
        tensor[(((1 * 3) + 2) * 3) + 2] = 0.5;
        WriteArchive(path, NpyWriter.Array("<f8", [2, 3, 3], tensor), Info(Questions), NpyWriter.Array("<i8", [2], new[] { 4L, 5L }));

        var error = Assert.Throws<InvalidDataException>(() => RealVoteFileReader.Read(path));

        Assert.Contains("rater 1 (id 5), question 2: (0.5, 0, 0.5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_that_disagree_are_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        WriteArchive(path, NpyWriter.Array("<f8", [2, 4, 3], new double[24]), Info(Questions), NpyWriter.Array("<i8", [2], new[] { 4L, 5L }));

        var error = Assert.Throws<InvalidDataException>(() => RealVoteFileReader.Read(path));

        Assert.Contains("raters.npz:tensor.npy: shape is (2, 4, 3) but (2, 3, 3) was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_of_another_dtype_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        WriteArchive(path, NpyWriter.Array("<f4", [2, 3, 3], new float[18]), Info(Questions), NpyWriter.Array("<i8", [2], new[] { 4L, 5L }));

        var error = Assert.Throws<InvalidDataException>(() => RealVoteFileReader.Read(path));

        Assert.Contains("tensor.npy: dtype is <f4 but Float64 was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_both_questions_and_votes_broken_the_questions_problem_is_named()
    {
        // The two members are read at once; the error must not depend on which one finishes first.
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        var info = NpyWriter.Strings(["a.JPEG", "1", "b.JPEG", "x2"], [2, 2], 28);
        var tensor = new double[6];
        tensor[0] = 0.5;
        WriteArchive(path, NpyWriter.Array("<f8", [1, 2, 3], tensor), info, NpyWriter.Array("<i8", [1], new[] { 4L }));

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var error = Assert.Throws<InvalidDataException>(() => RealVoteFileReader.Read(path));

            Assert.Contains("info.npy: row 1: label 'x2'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_label_that_is_not_a_number_is_rejected_with_its_row()
    {
        using var dir = new TempDirectory();
        var path = dir.File("raters.npz");
        var info = NpyWriter.Strings(["a.JPEG", "1", "b.JPEG", "x2"], [2, 2], 28);
        WriteArchive(path, NpyWriter.Array("<f8", [1, 2, 3], new double[6]), info, NpyWriter.Array("<i8", [1], new[] { 4L }));

        var error = Assert.Throws<InvalidDataException>(() => RealVoteFileReader.Read(path));

        Assert.Contains("info.npy: row 1: label 'x2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_archive_is_named()
    {
        using var dir = new TempDirectory();

        Assert.Throws<DirectoryNotFoundException>(() => RealVotesArchive.Load(dir.File("none")));
        var error = Assert.Throws<FileNotFoundException>(() => RealVotesArchive.Load(dir.Path));
        Assert.Contains("raters.npz", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Info((string File, int Label)[] questions) =>
        NpyWriter.Strings(questions.SelectMany(q => new[] { q.File, q.Label.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray(), [questions.Length, 2], 28);

    private static void WriteArchive(string path, byte[] tensor, byte[] info, byte[] ids) =>
        NpzWriter.Write(path, new Dictionary<string, byte[]> { ["tensor"] = tensor, ["info"] = info, ["ids"] = ids });
}
