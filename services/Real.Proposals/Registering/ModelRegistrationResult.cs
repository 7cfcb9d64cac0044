using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Registering;

/// <summary>The registered model and whether this call appended it (false: the same registration was already there).</summary>
public sealed record ModelRegistrationResult(ModelRegistered Model, bool Appended);
