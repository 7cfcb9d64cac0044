namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>
/// The tests that run the four service processes: one at a time (they share the tool's RabbitMQ user name and would
/// otherwise fight over two CPU cores), and never beside another collection of this assembly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributedCollection
{
    public const string Name = "distributed topology";
}
