using Real.EventStore.Serialization;

namespace Real.Contracts.Events.Intake;

/// <summary>
/// (image, label) questions that raters may answer, in batches. Appended by imports (the questions of the ReaL
/// votes) and by proposals (the candidates sent for rating). Intake accepts ratings only for known questions.
/// </summary>
[EventType("QuestionsRegistered")]
public sealed record QuestionsRegistered(string DatasetId, string Source, IReadOnlyList<QuestionRef> Questions);
