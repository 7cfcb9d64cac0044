namespace Real.RatingIntake.Importing;

/// <summary>How an import reports progress (the CLI shows Spectre progress bars; tests and benchmarks pass <see cref="None"/>).</summary>
public interface IImportProgress
{
    /// <summary>No-op progress.</summary>
    static IImportProgress None { get; } = new NoProgress();

    /// <summary>A step starts; <paramref name="total"/> units of work lie ahead.</summary>
    void Begin(string step, long total);

    /// <summary><paramref name="amount"/> more units of <paramref name="step"/> are done.</summary>
    void Advance(string step, long amount);

    private sealed class NoProgress : IImportProgress
    {
        public void Begin(string step, long total)
        {
        }

        public void Advance(string step, long amount)
        {
        }
    }
}
