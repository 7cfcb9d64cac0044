namespace Real.Cli.Commands.Run;

/// <summary>One step of the main job: a title and the `real` arguments that perform it.</summary>
public sealed record MainJobStep(string Title, string[] Arguments, Action? Prepare = null);
