using Real.Aggregation.DawidSkene;
using Real.Aggregation.Inputs;

namespace Real.Aggregation.Rules;

/// <summary>Runs the EM engine for a rule: adds the original-label rater when asked, maps warm starts and estimates by rater id.</summary>
internal static class EmRuleRunner
{
    public static RuleOutcome Run(AggregationInput input, RuleParameters parameters, RuleExecution execution, ConfusionModel model, bool withAnimalRule)
    {
        var votes = input.Votes;
        var raterIds = input.RaterIds.ToList();
        if (withAnimalRule)
        {
            var negatives = parameters.Text("animal-negatives") == "animal-candidates" ? AnimalNegatives.AnimalCandidates : AnimalNegatives.AllCandidates;
            votes = votes.WithExtraRater(OriginalLabelRater.Answers(input, negatives));
            raterIds.Add(OriginalLabelRater.RaterId);
        }

        var options = new EmOptions
        {
            Model = model,
            Smoothing = parameters.Number("smoothing"),
            MaxIterations = parameters.Integer("max-iterations"),
            Tolerance = parameters.Number("tolerance"),
            Acceleration = parameters.Text("acceleration") == "none" ? EmAcceleration.None : EmAcceleration.Squarem,
            FixedPrior = parameters.OptionalNumber("prior"),
            Threads = execution.Threads,
        };

        WarmStart? warmStart = null;
        if (execution.WarmStart is { } previous)
        {
            warmStart = new WarmStart(previous.PriorFits, raterIds.Select(id => previous.Raters.GetValueOrDefault(id)).ToArray());
        }

        var result = DawidSkeneEstimator.Estimate(votes, options, warmStart);
        var raters = raterIds
            .Select((id, r) => new RaterEstimate(id, votes.VotesBy(r), new RaterRows(result.Estimate.Row(r, fits: false), result.Estimate.Row(r, fits: true))))
            .ToArray();
        return new RuleOutcome(result.Scores, parameters.Number("threshold"), raters, result.Estimate.PriorFits, result.Iterations, result.Converged, votes.VoteCount);
    }
}
