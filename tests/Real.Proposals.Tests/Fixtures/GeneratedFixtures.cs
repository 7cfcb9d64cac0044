using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Real.Testing;

namespace Real.Proposals.Tests.Fixtures;

/// <summary>
/// The files tests/tools/make_onnx_models.py generates (tiny ONNX models, test images, numpy reference outputs) in
/// tests/fixtures/generated/proposals (git-ignored). Made on first use, and again whenever the script changed (the
/// manifest records the script's hash); a file lock keeps two test processes from generating at once. Without
/// Debian's python3-onnx and python3-numpy this fails, saying how to install them.
/// </summary>
public static class GeneratedFixtures
{
    private static readonly Lazy<string> Root = new(Ensure);

    public static string Directory => Root.Value;

    private static readonly Lazy<JsonElement> ManifestRoot = new(() =>
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Directory, "reference", "manifest.json")));
        return document.RootElement.Clone();
    });

    public static JsonElement Manifest => ManifestRoot.Value;

    public static string File(string relative) => Path.Combine(Directory, relative);

    public static string Model(string name) => File(Path.Combine("models", $"{name}.onnx"));

    public static string ImagesDirectory => File("images");

    public static IReadOnlyList<string> ImageNames =>
        [.. Manifest.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    /// <summary>A little-endian float32 array written by the script.</summary>
    public static float[] ReadFloats(string relative)
    {
        var bytes = System.IO.File.ReadAllBytes(File(relative));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static string Ensure()
    {
        var root = RepositoryRoot.Path;
        var script = Path.Combine(root, "tests", "tools", "make_onnx_models.py");
        var output = Path.Combine(root, "tests", "fixtures", "generated", "proposals");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using var gate = AcquireLock(Path.Combine(Path.GetDirectoryName(output)!, ".proposals.lock"));
        if (IsCurrent(script, output))
        {
            return output;
        }

        const string python = "/usr/bin/python3";
        if (!System.IO.File.Exists(python))
        {
            throw new InvalidOperationException($"{python} is missing: install Debian's python3, python3-onnx and python3-numpy (`make prereqs`) to generate the proposal test fixtures.");
        }

        var start = new ProcessStartInfo(python, [script, "--out", output]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !IsCurrent(script, output))
        {
            throw new InvalidOperationException(
                $"{script} failed (exit {process.ExitCode}); it needs Debian's python3-onnx and python3-numpy (`make prereqs`).\n{stdout}\n{stderr.Result}");
        }

        return output;
    }

    private static bool IsCurrent(string script, string output)
    {
        var manifest = Path.Combine(output, "reference", "manifest.json");
        if (!System.IO.File.Exists(manifest))
        {
            return false;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(script)));
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(manifest));
        return document.RootElement.TryGetProperty("script_sha256", out var recorded) && recorded.GetString() == hash;
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(200);
            }
        }
    }
}
