using Real.Data.ImageNet;
using Real.Proposals.Pooling;
using Real.Testing;

namespace Real.Proposals.Tests.Pooling;

public sealed class TaskSplitterTests
{
    // A small taxonomy: animal > dog > {0, 1, 2, 3, 4}, animal > cat > {5, 6}, vehicle > car > {10, 11, 12}, vehicle > boat > {13}.
    private static readonly LabelHierarchy Toy = new(label => label switch
    {
        <= 4 => ["entity", "animal", "dog", $"c{label}"],
        <= 6 => ["entity", "animal", "cat", $"c{label}"],
        <= 12 => ["entity", "vehicle", "car", $"c{label}"],
        13 => ["entity", "vehicle", "boat", "c13"],
        _ => null,
    });

    [Fact]
    public void Up_to_the_limit_is_one_task()
    {
        var tasks = TaskSplitter.Split([13, 0, 5], 8, Toy);

        // Depth-first through the taxonomy, siblings by node id: animal/cat, animal/dog, vehicle/boat.
        Assert.Equal([5, 0, 13], Assert.Single(tasks));
    }

    [Fact]
    public void Splits_between_unrelated_groups_not_inside_one()
    {
        // 11 labels in tasks of 8 → 2 tasks. The best cut is between the animals and the vehicles (shared depth 1),
        // not inside the dogs (depth 3) even though that would be more even.
        int[] labels = [10, 0, 1, 11, 2, 3, 5, 12, 4, 6, 13];

        var tasks = TaskSplitter.Split(labels, 8, Toy);

        Assert.Equal(2, tasks.Count);
        Assert.Equal([5, 6, 0, 1, 2, 3, 4], tasks[0]);
        Assert.Equal([13, 10, 11, 12], tasks[1]);
    }

    [Fact]
    public void Among_equally_good_cuts_the_most_even_sizes_win()
    {
        // Flat: every neighbour pair is equally (un)related, so 10 labels become 5 + 5, not 8 + 2.
        var tasks = TaskSplitter.Split([.. Enumerable.Range(100, 10)], 8, LabelHierarchy.Flat);

        Assert.Equal([5, 5], tasks.Select(t => t.Count));
        Assert.Equal(Enumerable.Range(100, 10), tasks.SelectMany(t => t));
    }

    [Fact]
    public void Every_label_lands_in_exactly_one_task_of_at_most_the_limit()
    {
        int[] labels = [.. Enumerable.Range(0, 7), .. Enumerable.Range(10, 4), 99, 98, 97, 96, 95, 94, 93, 92, 91, 90];

        var tasks = TaskSplitter.Split(labels, 3, Toy);

        Assert.All(tasks, t => Assert.InRange(t.Count, 1, 3));
        Assert.Equal(labels.Order(), tasks.SelectMany(t => t).Order());
        Assert.Equal((labels.Length + 2) / 3, tasks.Count);
    }

    [Fact]
    public void ImageNet_dog_breeds_stay_together_away_from_vehicles()
    {
        var imagenet = ImageNetMetadata.Load(Path.Combine(RepositoryRoot.DataRoot, "imagenet"));
        var hierarchy = ImageNetHierarchySource.FromImageNet(imagenet);
        // Six dog breeds (151..156: Chihuahua .. Blenheim spaniel) and four vehicles (407 ambulance, 436 beach wagon,
        // 511 convertible, 817 sports car): 10 candidates → 2 tasks, split dogs | vehicles.
        int[] labels = [817, 151, 407, 152, 153, 436, 154, 155, 511, 156];

        var tasks = TaskSplitter.Split(labels, 8, hierarchy);

        Assert.Equal(2, tasks.Count);
        Assert.Equal([151, 152, 153, 154, 155, 156], tasks.Single(t => t.Contains(151)).Order());
        Assert.Equal([407, 436, 511, 817], tasks.Single(t => t.Contains(817)).Order());
    }
}
