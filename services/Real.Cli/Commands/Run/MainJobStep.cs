namespace Real.Cli.Commands.Run;

/// <summary>
/// One step of the main job: a title and the `real` invocations that perform it, in order; or, when the step's
/// inputs are absent, the reason it is skipped (printed, never silent).
/// </summary>
public sealed record MainJobStep(string Title, IReadOnlyList<string[]> Commands, string? SkipReason = null)
{
    public MainJobStep(string title, string[] arguments)
        : this(title, [arguments])
    {
    }
}
