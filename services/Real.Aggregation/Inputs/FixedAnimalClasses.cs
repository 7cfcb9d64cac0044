using Real.Contracts.Events.Intake;

namespace Real.Aggregation.Inputs;

/// <summary>Animal flags given up front (tests, or data sets without a WordNet hierarchy: all false).</summary>
public sealed class FixedAnimalClasses(Func<int, bool> isAnimal) : IAnimalClasses
{
    public static FixedAnimalClasses None { get; } = new(_ => false);

    public IReadOnlyList<bool> For(DatasetRegistered dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Enumerable.Range(0, dataset.ClassNames.Count).Select(isAnimal).ToArray();
    }
}
