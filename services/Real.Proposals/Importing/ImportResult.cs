using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Importing;

/// <summary>What an import recorded: the model version, how many images, and the events appended now (0 for a repeat).</summary>
public sealed record ImportResult(ModelRef Model, string Format, string FileSha256, int Images, int TopK, int EventsAppended);
