using System.Security.Cryptography;
using System.Text.Json;
using Real.Contracts;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Proposals.Datasets;

namespace Real.Proposals.Registering;

/// <summary>
/// Registers ONNX classifiers: checks the file runs with the given preprocessing and that its outputs map onto the
/// data set's classes, then appends <see cref="ModelRegistered"/> to <c>model-{id}</c>. Registering the same thing
/// again appends nothing; a version label already used for other content is refused.
/// </summary>
public sealed class ModelRegistrar(IEventStore store, EventSerializer serializer, DatasetReader datasets, TimeProvider time)
{
    public async Task<ModelRegistrationResult> RegisterAsync(RegisterModel command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var modelId = ModelIds.Require(command.ModelId);
        var problems = command.Preprocessing.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Model '{modelId}': invalid preprocessing: {string.Join("; ", problems)}.");
        }

        var path = Path.GetFullPath(command.OnnxPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: ONNX file not found.", path);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var dataset = await datasets.ReadAsync(command.DatasetId, cancellationToken);
        var info = OnnxModelInspector.Inspect(bytes, path, command.InputName, command.OutputName, command.Preprocessing);
        CheckClassMap(command.ClassMap, info.OutputCount, dataset, path);
        var version = command.Version ?? $"sha256:{hash[..12]}";
        if (version.Length is 0 or > 64 || version.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Version '{version}' is not valid: 1 to 64 characters, no spaces.");
        }

        var registered = new ModelRegistered(
            modelId, version, dataset.DatasetId, path, hash, info.InputName, info.InputShape, info.OutputName, info.OutputCount,
            command.OutputKind, command.Preprocessing, command.ClassMap, time.GetUtcNow());

        var stream = StreamNames.Model(modelId);
        var revision = await store.GetStreamRevisionAsync(stream, cancellationToken);
        await foreach (var earlier in store.ReadStreamEventsAsync<ModelRegistered>(serializer, stream, cancellationToken))
        {
            if (earlier.Version != version)
            {
                continue;
            }

            if (Fingerprint(earlier) != Fingerprint(registered))
            {
                throw new ProposalsException(
                    $"Model '{modelId}' version '{version}' is already registered with other content (file sha256 {earlier.OnnxSha256}); give the new one another --version.");
            }

            if (earlier.OnnxPath == path)
            {
                return new ModelRegistrationResult(earlier, false);
            }
        }

        // Same content at a new path: a new event, so inference finds the file where it now is.
        var eventId = DeterministicGuid.Create($"model-registered/{modelId}/{version}/{path}");
        var metadata = new EventMetadata { SourceMessageId = eventId.ToString(), ProducingService = "proposals" };
        await store.AppendToStreamAsync(
            stream,
            revision is null ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision.Value),
            [serializer.ToEventData(eventId, registered, metadata)],
            cancellationToken);
        return new ModelRegistrationResult(registered, true);
    }

    private static void CheckClassMap(IReadOnlyList<int> map, int outputs, DatasetImages dataset, string path)
    {
        if (map.Count == 0)
        {
            if (outputs != dataset.ClassCount)
            {
                throw new ArgumentException(
                    $"{path}: the model has {outputs} outputs but data set '{dataset.DatasetId}' has {dataset.ClassCount} classes; give a class map (--class-map) saying which class each output is.");
            }

            return;
        }

        if (map.Count != outputs)
        {
            throw new ArgumentException($"{path}: the class map has {map.Count} entries but the model has {outputs} outputs.");
        }

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < map.Count; i++)
        {
            if (map[i] >= dataset.ClassCount)
            {
                throw new ArgumentException($"Class map entry {i}: class {map[i]} is not in data set '{dataset.DatasetId}' (classes 0..{dataset.ClassCount - 1}).");
            }

            if (map[i] >= 0 && !seen.TryAdd(map[i], i))
            {
                throw new ArgumentException($"Class map entries {seen[map[i]]} and {i} both map to class {map[i]}; each class may come from one output only.");
            }
        }

        if (seen.Count == 0)
        {
            throw new ArgumentException("The class map maps no output to a class (every entry is -1).");
        }
    }

    /// <summary>Everything that defines the model's behaviour: not when or from where it was registered.</summary>
    private static string Fingerprint(ModelRegistered model) =>
        JsonSerializer.Serialize(model with { RegisteredAt = default, OnnxPath = string.Empty }, EventSerializer.Options);
}
