using System.Collections.Concurrent;
using Real.Contracts.Messages.Proposals;
using Real.Proposals.Pooling;

namespace Real.Proposals.Tests.Fakes;

/// <summary>Keeps every RatingTaskCreated handed to it, in order, instead of putting it on a bus.</summary>
public sealed class RecordingTaskPublisher : ITaskPublisher
{
    private readonly ConcurrentQueue<RatingTaskCreated> _published = new();

    public IReadOnlyList<RatingTaskCreated> Published => [.. _published];

    public Task PublishAsync(IReadOnlyList<RatingTaskCreated> tasks, CancellationToken cancellationToken)
    {
        foreach (var task in tasks)
        {
            _published.Enqueue(task);
        }

        return Task.CompletedTask;
    }
}
