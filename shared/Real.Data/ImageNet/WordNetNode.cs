namespace Real.Data.ImageNet;

/// <summary>A WordNet synset on a hypernym chain: its id and first lemma.</summary>
public sealed record WordNetNode(string Wnid, string Name);
