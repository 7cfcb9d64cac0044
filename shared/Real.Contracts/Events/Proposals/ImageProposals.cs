namespace Real.Contracts.Events.Proposals;

/// <summary>
/// What one image gets: its <see cref="Candidates"/> (original label included) and the rating tasks they were split
/// into. No tasks means the only candidate is the original label: the image is not sent and keeps that label.
/// <see cref="Dropped"/> lists labels some model proposed that the rule left out (too few models, or over the cap),
/// so "why was label X never asked?" has an answer in the log.
/// </summary>
public sealed record ImageProposals(
    string Image,
    int OriginalLabel,
    IReadOnlyList<ProposedLabel> Candidates,
    IReadOnlyList<ProposedLabel> Dropped,
    IReadOnlyList<string> TaskIds)
{
    public bool SentForRating => TaskIds.Count > 0;
}
