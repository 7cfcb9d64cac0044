using Real.Testing;

namespace Real.Data.Tests.ImageNet;

/// <summary>A three-class ImageNet-shaped metadata directory; each file can be overwritten to break it.</summary>
internal sealed class ImageNetFixture : IDisposable
{
    private readonly TempDirectory _dir = new("real-imagenet");

    public ImageNetFixture()
    {
        Write("synsets.txt", "n01440764\nn01443537\nn04557648\n");
        Write("class_names.txt", "tench\ngoldfish\nwater bottle\n");
        Write("val_labels.txt", "2\n0\n1\n1\n");
        Write(
            "hierarchy.tsv",
            "index\twnid\tname\tis_animal\tmulti_parent\tdepth\thypernym_chain\tall_ancestor_wnids\n"
            + "0\tn01440764\ttench\t1\t0\t2\tn01439121:cyprinid > n00001740:entity\tn00001740 n01439121\n"
            + "1\tn01443537\tgoldfish\t1\t0\t2\tn01439121:cyprinid > n00001740:entity\tn00001740 n01439121\n"
            + "2\tn04557648\twater bottle\t0\t0\t1\tn00001740:entity\tn00001740\n");
    }

    public string Path => _dir.Path;

    public void Write(string name, string text) => File.WriteAllText(_dir.File(name), text);

    public void Dispose() => _dir.Dispose();
}
