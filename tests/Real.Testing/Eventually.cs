namespace Real.Testing;

/// <summary>
/// Polls until a condition holds, for tests of work that finishes on another thread, process or machine (a consumer,
/// a broker, a host starting). The deadline is generous because a loaded 2-core CI machine is slow, not because the
/// work may be; the failure message is built only when the deadline passes, so it can show the last value seen.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> returns true; past <paramref name="timeout"/>, throws a <see cref="TimeoutException"/> with <paramref name="failure"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"After {timeout.TotalSeconds:0} s: {failure()}");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure, TimeSpan? interval = null) =>
        HoldsAsync(condition, timeout, () => failure, interval);

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string failure, TimeSpan? interval = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, () => failure, interval);

    /// <summary>Waits until <paramref name="produce"/> returns a value and returns it; past <paramref name="timeout"/>, throws as <see cref="HoldsAsync(Func{Task{bool}}, TimeSpan, Func{string}, TimeSpan?)"/>.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> produce, TimeSpan timeout, string failure, TimeSpan? interval = null)
        where T : class
    {
        T? value = null;
        await HoldsAsync(async () => (value = await produce()) is not null, timeout, () => failure, interval);
        return value!;
    }
}
