namespace Real.Hosting.Messaging;

/// <summary>
/// A message that can never be handled and cannot be answered (no readable reply address). Retries skip it and
/// MassTransit moves it to the endpoint's "_error" queue at once, with this message in the MT-Fault-Message header.
/// </summary>
public sealed class PoisonMessageException(string reason) : Exception(reason);
