using System.Collections.Concurrent;
using MassTransit;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>Sees every consumer fault on the bus (what MassTransit then moves to the _error queue) and keeps its reason.</summary>
public sealed class FaultRecorder : IConsumeObserver
{
    public ConcurrentQueue<string> Reasons { get; } = new();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Reasons.Enqueue(exception.Message);
        return Task.CompletedTask;
    }
}
