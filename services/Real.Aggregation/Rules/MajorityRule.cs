using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>
/// Soft majority vote: a question's score is the mean of its answers read as no = 0, maybe = maybe-weight, yes = 1;
/// a label enters the set when the score reaches the threshold (default 0.5: at least half the weight says yes).
/// No rater model, no original-label rater.
/// </summary>
public sealed class MajorityRule : IAggregationRule
{
    public const string RuleName = "majority";

    public string Name => RuleName;

    public string Version => "1";

    public string Description => "Soft majority vote (no = 0, maybe = maybe-weight, yes = 1) against a threshold.";

    public IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        RuleParameter.Number("threshold", 0.5, 0, 1, "A label enters its image's set when its mean answer is at least this."),
        RuleParameter.Number("maybe-weight", 0.5, 0, 1, "What a 'maybe' counts for."),
    ];

    public RuleOutcome Score(AggregationInput input, RuleParameters parameters, RuleExecution execution)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        var scores = SoftMajority.Scores(input.Votes, parameters.Number("maybe-weight"));
        return new RuleOutcome(scores, parameters.Number("threshold"), [], PriorFits: null, Iterations: 0, Converged: true, input.Votes.VoteCount);
    }
}
