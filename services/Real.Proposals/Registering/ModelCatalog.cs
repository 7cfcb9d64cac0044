using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.Proposals.Registering;

/// <summary>The registered models: each model's current registration is the last event of its <c>model-{id}</c> stream.</summary>
public sealed class ModelCatalog(IEventReader reader, EventSerializer serializer)
{
    /// <summary>The current registration of a model, or null when it was never registered.</summary>
    public async Task<ModelRegistered?> FindAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ModelRegistered? current = null;
        await foreach (var registered in reader.ReadStreamEventsAsync<ModelRegistered>(serializer, StreamNames.Model(modelId), cancellationToken))
        {
            current = registered;
        }

        return current;
    }

    public async Task<ModelRegistered> RequireAsync(string modelId, CancellationToken cancellationToken = default) =>
        await FindAsync(modelId, cancellationToken)
            ?? throw new ProposalsException($"Model '{modelId}' is not registered; register it with `real models register {modelId} FILE.onnx`.");

    /// <summary>Every model's current registration, by model id.</summary>
    public async Task<IReadOnlyList<ModelRegistered>> ListAsync(CancellationToken cancellationToken = default)
    {
        var current = new SortedDictionary<string, ModelRegistered>(StringComparer.Ordinal);
        await foreach (var registered in reader.ReadCategoryEventsAsync<ModelRegistered>(serializer, StreamNames.ModelsCategory, cancellationToken))
        {
            current[registered.ModelId] = registered;
        }

        return [.. current.Values];
    }
}
