using System.Diagnostics;
using System.Text.Json;
using Real.Aggregation.Inputs;
using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Spectre.Console;

namespace Real.Cli.Commands.Aggregation;

/// <summary>What the aggregation verbs share: opening the store, the serializer, the animal classes, JSON output.</summary>
internal static class AggregationCli
{
    public static EventSerializer Serializer { get; } = new(new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static async Task<OpenedStore> OpenAsync(RealSettings settings, CancellationToken cancellationToken) =>
        new(await EventStoreFactory.OpenAsync(settings, cancellationToken));

    public static IAnimalClasses AnimalClasses(RealSettings settings) => new ImageNetAnimalClasses(settings.ImageNetDirectory);

    /// <summary>Prints exactly one JSON object on standard output.</summary>
    public static void PrintJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Json));

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    public static double PeakRssMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }

    /// <summary>The 1-minute load average (Linux), so a benchmark figure can be judged against the machine's load; null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public static string Percent(double share) => share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);

    public static void Fail(string message) => AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");

    /// <summary>The store, disposed with the verb.</summary>
    internal sealed class OpenedStore(IEventStore store) : IAsyncDisposable
    {
        public IEventStore Store { get; } = store;

        public ValueTask DisposeAsync() => Store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
