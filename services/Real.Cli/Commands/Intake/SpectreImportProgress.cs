using Real.RatingIntake.Importing;
using Spectre.Console;

namespace Real.Cli.Commands.Intake;

/// <summary>Shows an import's steps as Spectre.Console progress bars, one per step.</summary>
internal sealed class SpectreImportProgress(ProgressContext context) : IImportProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public void Begin(string step, long total)
    {
        if (!_tasks.TryGetValue(step, out var task))
        {
            task = context.AddTask(Markup.Escape(step));
            _tasks.Add(step, task);
        }

        task.MaxValue = Math.Max(1, total);
        task.Value = 0;
    }

    public void Advance(string step, long amount)
    {
        if (_tasks.TryGetValue(step, out var task))
        {
            task.Increment(amount);
        }
    }

    public void CompleteAll()
    {
        foreach (var task in _tasks.Values)
        {
            task.Value = task.MaxValue;
        }
    }

    /// <summary>Runs <paramref name="work"/> under a progress display (or without one when <paramref name="show"/> is false).</summary>
    public static async Task<T> RunAsync<T>(bool show, Func<IImportProgress, Task<T>> work)
    {
        if (!show)
        {
            return await work(IImportProgress.None);
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var progress = new SpectreImportProgress(context);
                var result = await work(progress);
                progress.CompleteAll();
                return result;
            });
    }
}
