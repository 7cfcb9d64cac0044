using Real.Contracts.Events.Intake;
using Real.Data.ImageNet;

namespace Real.Aggregation.Inputs;

/// <summary>
/// Animal flags from the ImageNet reference data (hierarchy.tsv's is_animal: WordNet 'animal' among the class's
/// ancestors; classes 0..397). The registered data set's classes must be ImageNet's, by name or WordNet id.
/// </summary>
public sealed class ImageNetAnimalClasses(string imageNetDirectory) : IAnimalClasses
{
    private readonly Lazy<ImageNetMetadata> _metadata = new(() => ImageNetMetadata.Load(imageNetDirectory));

    public ImageNetMetadata Metadata => _metadata.Value;

    public IReadOnlyList<bool> For(DatasetRegistered dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var classes = Metadata.Classes;
        if (dataset.ClassNames.Count != classes.Count)
        {
            throw new InvalidDataException($"Data set '{dataset.DatasetId}' has {dataset.ClassNames.Count} classes but the ImageNet metadata in {imageNetDirectory} has {classes.Count}: its animal classes are unknown.");
        }

        for (var c = 0; c < classes.Count; c++)
        {
            var name = dataset.ClassNames[c];
            if (name != classes[c].Name && name != classes[c].Wnid)
            {
                throw new InvalidDataException($"Data set '{dataset.DatasetId}' class {c} is '{name}' but ImageNet class {c} is '{classes[c].Name}' ({classes[c].Wnid}): the class orders differ.");
            }
        }

        return classes.Select(c => c.IsAnimal).ToArray();
    }
}
