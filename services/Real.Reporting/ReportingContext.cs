using Real.Contracts;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.Reporting.Evaluation;
using Real.Reporting.Evaluation.LabelSets;

namespace Real.Reporting;

/// <summary>
/// What every reporting use case needs: the open event store, the serializer, the data set (loaded once) and the
/// label-set catalog. The CLI verbs and the dashboard each open one; the caller disposes it.
/// </summary>
public sealed class ReportingContext : IAsyncDisposable
{
    private readonly string _imageNetDirectory;
    private EvaluationDataset? _dataset;

    public ReportingContext(IEventStore store, EventSerializer serializer, string imageNetDirectory)
    {
        Store = store;
        Serializer = serializer;
        _imageNetDirectory = imageNetDirectory;
        Catalog = new LabelSetCatalog([new DerivedLabelSets(store), new ImportedLabelSets(store, serializer)]);
    }

    public IEventStore Store { get; }

    public EventSerializer Serializer { get; }

    public LabelSetCatalog Catalog { get; }

    public static EventSerializer CreateSerializer() => new(new EventTypeRegistry().RegisterAssembly(typeof(StreamNames).Assembly));

    public static async Task<ReportingContext> OpenAsync(RealSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = await EventStoreFactory.OpenAsync(settings, cancellationToken);
        return new ReportingContext(store, CreateSerializer(), settings.ImageNetDirectory);
    }

    public async Task<EvaluationDataset> DatasetAsync(CancellationToken cancellationToken = default) =>
        _dataset ??= await EvaluationDataset.LoadAsync(Store, Serializer, _imageNetDirectory, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (Store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
