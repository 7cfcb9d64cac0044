using Real.Contracts.Messages.Intake;

namespace Real.RatingIntake.Submitting;

/// <summary>
/// Turns one SubmitRatings body into one reply, the same way for every transport (AMQP consumer, HTTP endpoint):
/// read the body (<see cref="SubmitRatingsReader"/>), check that the batch speaks for the tool the transport
/// authenticated and only for that tool's raters, hand the well-formed ratings to the recording path
/// (<see cref="IRatingBatchRecorder"/>), and merge every reason into one <see cref="RatingsAccepted"/> or
/// <see cref="RatingsRejected"/>.
/// </summary>
public sealed class RatingSubmissionHandler(IRatingBatchRecorder recorder)
{
    /// <param name="body">The body as the tool sent it.</param>
    /// <param name="authenticatedToolId">
    /// The tool the transport vouches for (RabbitMQ routing key under topic permissions, HTTP API key); null for
    /// trusted in-process senders, whose body's toolId is taken as is.
    /// </param>
    public async Task<SubmissionResult> HandleAsync(ReadOnlyMemory<byte> body, string? authenticatedToolId, CancellationToken cancellationToken)
    {
        var parsed = SubmitRatingsReader.Read(body.Span);
        var replyTool = authenticatedToolId ?? parsed.ToolId;
        if (parsed.IsWholeBatchRejected)
        {
            return WholeBatch(SubmissionVerdict.Malformed, replyTool, parsed.BatchId, parsed.BatchErrors);
        }

        var toolId = parsed.ToolId!;
        if (authenticatedToolId is not null && !string.Equals(toolId, authenticatedToolId, StringComparison.Ordinal))
        {
            return WholeBatch(SubmissionVerdict.Forbidden, authenticatedToolId, parsed.BatchId,
                [new BatchError("toolId", toolId, $"this credential belongs to tool '{authenticatedToolId}'; a tool can only submit as itself")]);
        }

        // The rater namespace, the question, the answer's time and every other rating rule belong to the validator
        // behind the recorder; this handler only merges the reader's shape errors with the recorder's outcomes.
        var rejected = new List<RatingRejection>(parsed.Rejections);
        var wellFormed = parsed.Ratings;
        var accepted = new List<string>(wellFormed.Count);
        var duplicates = new List<string>();
        if (wellFormed.Count > 0)
        {
            var batch = new SubmitRatings(toolId, parsed.BatchId!, parsed.DatasetId!, [.. wellFormed.Select(r => r.Rating)]);
            var outcomes = await recorder.RecordAsync(batch, cancellationToken);
            if (outcomes.Count != wellFormed.Count)
            {
                throw new InvalidOperationException($"The recorder returned {outcomes.Count} outcomes for {wellFormed.Count} ratings.");
            }

            if (outcomes.FirstOrDefault(o => o.IsBatchProblem) is { } batchProblem)
            {
                // The header was refused (e.g. an unregistered data set): nothing was recorded, the batch is answered whole.
                return WholeBatch(SubmissionVerdict.AllRejected, replyTool, parsed.BatchId,
                    [new BatchError(batchProblem.Field!, batchProblem.Value, batchProblem.Reason ?? "rejected")]);
            }

            for (var i = 0; i < outcomes.Count; i++)
            {
                var outcome = outcomes[i];
                var index = wellFormed[i].Index;
                switch (outcome.Kind)
                {
                    case RatingOutcomeKind.Recorded:
                        accepted.Add(outcome.RatingId);
                        break;
                    case RatingOutcomeKind.Duplicate:
                        accepted.Add(outcome.RatingId);
                        duplicates.Add(outcome.RatingId);
                        break;
                    default:
                        var field = outcome.Field is { Length: > 0 } f ? $"ratings[{index}].{f}" : $"ratings[{index}]";
                        rejected.Add(new RatingRejection(outcome.RatingId, index, field, outcome.Value, outcome.Reason ?? "rejected"));
                        break;
                }
            }
        }

        if (rejected.Count == 0)
        {
            return new SubmissionResult(SubmissionVerdict.Accepted, replyTool, new RatingsAccepted(parsed.BatchId!, toolId, accepted, duplicates), null);
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var verdict = accepted.Count > 0 ? SubmissionVerdict.PartiallyAccepted : SubmissionVerdict.AllRejected;
        return new SubmissionResult(verdict, replyTool, null, new RatingsRejected(parsed.BatchId, toolId, [], rejected, accepted, duplicates));
    }

    private static SubmissionResult WholeBatch(SubmissionVerdict verdict, string? replyTool, string? batchId, IReadOnlyList<BatchError> errors) =>
        new(verdict, replyTool, null, new RatingsRejected(batchId, replyTool, errors, [], [], []));
}
