using Real.Proposals.Datasets;

namespace Real.Proposals.Pooling;

/// <summary>The taxonomy a data set's classes are grouped by when candidates are split into tasks.</summary>
public interface ILabelHierarchySource
{
    LabelHierarchy For(DatasetImages dataset);
}
