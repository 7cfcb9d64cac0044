namespace Real.Hosting.ErrorQueues;

/// <summary>
/// Where a replayed message is published: straight to its queue (default exchange, routing key = queue name), or
/// through an exchange with a routing key, which the tool-facing submit queue needs, because the intake trusts
/// the tool identity the routing key on real.tools.submit carries (see docs/distributed.md, "Replaying").
/// </summary>
public sealed record ReplayTarget(string Exchange, string RoutingKey)
{
    public static ReplayTarget Queue(string queue) => new("", queue);

    public override string ToString() => Exchange.Length == 0 ? $"queue {RoutingKey}" : $"exchange {Exchange} (routing key {RoutingKey})";
}
