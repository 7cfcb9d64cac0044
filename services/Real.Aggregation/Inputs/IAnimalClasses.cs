using Real.Contracts.Events.Intake;

namespace Real.Aggregation.Inputs;

/// <summary>Which classes of a registered data set are animals — the classes whose original labels the paper trusts as a rater.</summary>
public interface IAnimalClasses
{
    /// <summary>One flag per class of <paramref name="dataset"/>, by class index.</summary>
    IReadOnlyList<bool> For(DatasetRegistered dataset);
}
