using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.RatingIntake.Catalog;
using Real.RatingIntake.Validation;

namespace Real.RatingIntake.Recording;

/// <summary>
/// The recording path wired by hand over one store (for the CLI's imports and benchmarks, which run without a
/// container): the serializer, the catalogue, the validator and the recorder.
/// </summary>
public sealed class RatingRecording : IDisposable
{
    public RatingRecording(IEventStore store, TimeProvider? clock = null)
    {
        Store = store;
        var registry = new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly);
        Serializer = new EventSerializer(registry);
        Catalog = new QuestionCatalog(store, Serializer);
        Validator = new RatingValidator(Catalog, clock);
        Recorder = new RatingRecorder(store, Catalog, Validator, registry);
    }

    public IEventStore Store { get; }

    public EventSerializer Serializer { get; }

    public QuestionCatalog Catalog { get; }

    public RatingValidator Validator { get; }

    public RatingRecorder Recorder { get; }

    public void Dispose() => Catalog.Dispose();
}
