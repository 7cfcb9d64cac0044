namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>The distributed tests share the embedded outcome and never run at the same time (they start processes and fault servers).</summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<EmbeddedOutcomeFixture>
{
    public const string Name = "distributed";
}
