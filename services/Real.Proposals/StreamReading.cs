using System.Runtime.CompilerServices;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Proposals;

/// <summary>Typed reads: the events of one type in a stream or category, deserialized, in log order.</summary>
internal static class StreamReading
{
    public static async IAsyncEnumerable<T> ReadStreamEventsAsync<T>(
        this IEventReader reader, EventSerializer serializer, string stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = serializer.Registry.NameOf(typeof(T));
        await foreach (var recorded in reader.ReadStreamAsync(stream, Direction.Forwards, 0, cancellationToken: cancellationToken))
        {
            if (recorded.EventType == type)
            {
                yield return serializer.Deserialize<T>(recorded);
            }
        }
    }

    public static async IAsyncEnumerable<T> ReadCategoryEventsAsync<T>(
        this IEventReader reader, EventSerializer serializer, string category, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = serializer.Registry.NameOf(typeof(T));
        await foreach (var recorded in reader.ReadCategoryAsync(category, cancellationToken: cancellationToken))
        {
            if (recorded.EventType == type)
            {
                yield return serializer.Deserialize<T>(recorded);
            }
        }
    }
}
