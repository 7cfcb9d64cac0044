using Real.Contracts;

namespace Real.RatingIntake.Validation;

/// <summary>
/// Who is submitting, as the server knows it (from the transport's credential or an import's mapping), never as the
/// batch claims: the tool id (its ratings go to <c>ratings-{ToolId}</c>), the namespace its rater ids must carry
/// ("ns:rater") and the role its raters have. A tool speaking over the bus or HTTP gets <see cref="For"/>: its own
/// id as namespace, crowd role. Imports may map several tools onto one namespace (the same people answering in two
/// campaigns, see docs/intake.md).
/// </summary>
public sealed record SubmittingTool(string ToolId, string RaterNamespace, RaterRole Role)
{
    public static SubmittingTool For(string toolId, RaterRole role = RaterRole.Crowd) => new(toolId, toolId, role);

    /// <summary>"ns:" — what every rater id of this tool starts with.</summary>
    public string RaterPrefix => RaterNamespace + ":";
}
