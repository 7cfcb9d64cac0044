namespace Real.Contracts.Events.Intake;

/// <summary>One (image, label) question: "does class <see cref="Label"/> fit image <see cref="Image"/>?".</summary>
public sealed record QuestionRef(string Image, int Label);
