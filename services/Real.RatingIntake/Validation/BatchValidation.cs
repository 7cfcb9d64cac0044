namespace Real.RatingIntake.Validation;

/// <summary>
/// The validator's verdict on a batch: the valid ratings (in batch order) and, by batch index, the problem of every
/// rejected one. A <see cref="BatchProblem"/> (unknown data set, oversize batch, missing batch id) rejects all.
/// </summary>
public sealed class BatchValidation(int count)
{
    public List<ValidRating> Valid { get; } = new(count);

    /// <summary>Problems of rejected ratings, indexed like the batch; null where the rating is valid.</summary>
    public RatingProblem?[] Problems { get; } = new RatingProblem?[count];

    /// <summary>
    /// For a rating that repeats an earlier one of the same batch exactly (same id, same content): the earlier one's
    /// index; -1 otherwise. Repeats are not rejected; they share the earlier rating's outcome as duplicates.
    /// </summary>
    public int[] RepeatOf { get; } = CreateRepeatOf(count);

    public RatingProblem? BatchProblem { get; internal set; }

    public int RejectedCount => Problems.Count(p => p is not null);

    private static int[] CreateRepeatOf(int count)
    {
        var repeatOf = new int[count];
        Array.Fill(repeatOf, -1);
        return repeatOf;
    }
}
