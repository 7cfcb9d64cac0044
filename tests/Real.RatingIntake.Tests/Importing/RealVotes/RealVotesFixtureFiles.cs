using Real.Testing;
using Real.Testing.Npy;

namespace Real.RatingIntake.Tests.Importing.RealVotes;

/// <summary>
/// A miniature copy of the reference data: imagenet/ with 3 classes and 6 validation images, real/ with the three
/// archives (raters.npz: 3 raters × 4 questions; golden.npz: 2 experts × 2 questions; raters_golden.npz: 2 raters × 2).
/// </summary>
internal sealed class RealVotesFixtureFiles : IDisposable
{
    public static readonly (string, int)[] Questions =
        [("ILSVRC2012_val_00000001.JPEG", 0), ("ILSVRC2012_val_00000001.JPEG", 2), ("ILSVRC2012_val_00000004.JPEG", 1), ("ILSVRC2012_val_00000006.JPEG", 1)];

    public static readonly (string, int)[] GoldenQuestions = [("ILSVRC2012_val_00000001.JPEG", 0), ("ILSVRC2012_val_00000004.JPEG", 1)];

    private readonly TempDirectory _dir = new("real-votes-fixture");

    public RealVotesFixtureFiles()
    {
        Directory.CreateDirectory(ImageNet);
        Directory.CreateDirectory(Votes);
        File.WriteAllText(Path.Combine(ImageNet, "synsets.txt"), "n01440764\nn01443537\nn04557648\n");
        File.WriteAllText(Path.Combine(ImageNet, "class_names.txt"), "tench\ngoldfish\nwater bottle\n");
        File.WriteAllText(Path.Combine(ImageNet, "val_labels.txt"), "0\n2\n1\n1\n0\n2\n");
        File.WriteAllText(
            Path.Combine(ImageNet, "hierarchy.tsv"),
            "index\twnid\tname\tis_animal\tmulti_parent\tdepth\thypernym_chain\tall_ancestor_wnids\n"
            + "0\tn01440764\ttench\t1\t0\t1\tn00001740:entity\tn00001740\n"
            + "1\tn01443537\tgoldfish\t1\t0\t1\tn00001740:entity\tn00001740\n"
            + "2\tn04557648\twater bottle\t0\t0\t1\tn00001740:entity\tn00001740\n");
        // Answers: -1 not asked, 0 no, 1 maybe, 2 yes.
        RealVotesFixture.Write(Path.Combine(Votes, "raters.npz"), [189, 111, 183], Questions, [[2, 0, -1, 1], [2, -1, 0, 0], [-1, 0, 2, 2]]);
        RealVotesFixture.Write(Path.Combine(Votes, "golden.npz"), [168, 121], GoldenQuestions, [[2, 0], [2, 2]]);
        RealVotesFixture.Write(Path.Combine(Votes, "raters_golden.npz"), [189, 183], GoldenQuestions, [[1, 0], [2, -1]], compressed: false);
    }

    /// <summary>Votes in raters.npz (+ golden + raters_golden).</summary>
    public const int RatersVotes = 9;
    public const int GoldenVotes = 4;
    public const int RatersGoldenVotes = 3;

    public string ImageNet => _dir.File("imagenet");

    public string Votes => _dir.File("real");

    public void Dispose() => _dir.Dispose();
}
