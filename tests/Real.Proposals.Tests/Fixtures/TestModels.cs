using System.Security.Cryptography;
using System.Text.Json;
using Real.Contracts.Events.Proposals;

namespace Real.Proposals.Tests.Fixtures;

/// <summary>ModelRegistered records for the generated models, as registration would make them (for tests below registration).</summary>
public static class TestModels
{
    public const string DatasetId = "tiny-val";

    public static ModelRegistered Registered(string name, ImagePreprocessing? preprocessing = null)
    {
        var entry = GeneratedFixtures.Manifest.GetProperty("models").GetProperty(name);
        var path = GeneratedFixtures.Model(name);
        var map = entry.TryGetProperty("class_map", out var mapFile)
            ? File.ReadAllLines(GeneratedFixtures.File(mapFile.GetString()!)).Where(l => l.Length > 0).Select(int.Parse).ToArray()
            : [];
        return new ModelRegistered(
            name,
            "v1",
            DatasetId,
            path,
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            entry.GetProperty("input").GetString()!,
            [-1, 3, 224, 224],
            entry.GetProperty("output").GetString()!,
            entry.GetProperty("classes").GetInt32(),
            entry.GetProperty("kind").GetString() == "probabilities" ? ModelOutputKind.Probabilities : ModelOutputKind.Logits,
            preprocessing ?? ImagePreprocessing.ImageNetDefault,
            map,
            DateTimeOffset.UnixEpoch);
    }

    public static int[] Shape(JsonElement entry) => [.. entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];
}
