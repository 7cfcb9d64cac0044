using System.Security.Cryptography;
using System.Text;

namespace Real.RatingIntake.Submitting.Http;

/// <summary>
/// The API keys of the HTTP intake, one or more per tool, kept only as SHA-256 hashes ("sha256:" + hex). A key is
/// 32 random bytes, so a plain hash is enough (no password stretching needed: nothing to guess). Sources, merged:
/// a keys file (one "toolId sha256:hex" per line, '#' comments; default {home}/tool-keys) and the environment variable
/// REAL_TOOL_KEYS ("toolA=sha256:hex;toolB=sha256:hex"). Plain keys are never stored, logged or kept in the repository.
/// </summary>
public sealed class ToolApiKeys
{
    public const string EnvironmentVariable = "REAL_TOOL_KEYS";
    private const string HashPrefix = "sha256:";

    private readonly Dictionary<string, string> _toolByHash;

    public ToolApiKeys(IEnumerable<(string ToolId, string Hash)> entries)
    {
        _toolByHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (toolId, hash) in entries)
        {
            if (!Hosting.Messaging.ToolTopology.IsValidToolId(toolId))
            {
                throw new ArgumentException($"Tool key entry names an invalid tool id '{toolId}' (1-64 of a-z, 0-9, '_', '-').");
            }

            if (!hash.StartsWith(HashPrefix, StringComparison.Ordinal) || hash.Length != HashPrefix.Length + 64 || !hash[HashPrefix.Length..].All(Uri.IsHexDigit))
            {
                throw new ArgumentException($"Tool key entry for '{toolId}' is not a hash of the form sha256:<64 hex digits>; store hashes, never keys.");
            }

            _toolByHash[hash.ToLowerInvariant()] = toolId;
        }
    }

    public int Count => _toolByHash.Count;

    /// <summary>A new random key: "real_" + 43 base64url characters (256 bits).</summary>
    public static string GenerateKey() =>
        "real_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The tool a presented key belongs to, or null. Compares hashes, so timing reveals nothing about stored keys.</summary>
    public string? Authenticate(string? presentedKey) =>
        presentedKey is { Length: > 0 and <= 256 } && _toolByHash.TryGetValue(Hash(presentedKey), out var toolId) ? toolId : null;

    /// <summary>Reads the keys file (if it exists) and REAL_TOOL_KEYS (if set).</summary>
    public static ToolApiKeys Load(string? keysFile, string? environmentValue = null)
    {
        var entries = new List<(string, string)>();
        if (keysFile is not null && File.Exists(keysFile))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(keysFile))
            {
                lineNumber++;
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    throw new InvalidDataException($"{keysFile}:{lineNumber}: expected \"toolId sha256:<hex>\", got \"{text}\".");
                }

                entries.Add((parts[0], parts[1]));
            }
        }

        var env = environmentValue ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        foreach (var item in (env ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"{EnvironmentVariable}: expected \"toolId=sha256:<hex>\" entries separated by ';', got \"{item}\".");
            }

            entries.Add((item[..eq], item[(eq + 1)..]));
        }

        return new ToolApiKeys(entries);
    }

    /// <summary>Appends a hash line for <paramref name="toolId"/> to the keys file, creating it owner-readable only.</summary>
    public static void AppendToFile(string keysFile, string toolId, string hash)
    {
        var exists = File.Exists(keysFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keysFile))!);
        File.AppendAllText(keysFile, (exists ? "" : "# Real HTTP intake: tool id and SHA-256 of its API key (never the key).\n") + $"{toolId} {hash}\n");
        if (!exists && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
