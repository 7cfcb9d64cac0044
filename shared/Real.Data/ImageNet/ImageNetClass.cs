namespace Real.Data.ImageNet;

/// <summary>
/// One ImageNet-1k class: index (position in the sorted WordNet ids), wnid, display name, whether it is an
/// animal (WordNet 'animal' n00015388 among its ancestors), its first-parent hypernym chain from the
/// immediate parent up to 'entity', and every ancestor on any path.
/// </summary>
public sealed record ImageNetClass(
    int Index,
    string Wnid,
    string Name,
    bool IsAnimal,
    IReadOnlyList<WordNetNode> HypernymChain,
    IReadOnlyList<string> AncestorWnids);
