using System.Diagnostics;
using System.Reflection;

namespace Real.Hosting.Distributed;

/// <summary>How to start the `real` program as a child process: its apphost, or `dotnet real.dll`.</summary>
public sealed record RealExecutable(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The running `real` itself (for `real bench distributed`).</summary>
    public static RealExecutable Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            var entry = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("Cannot tell which assembly is running.");
            return new RealExecutable(process, [entry]);
        }

        return new RealExecutable(process, []);
    }

    /// <summary>real.dll in <paramref name="directory"/> run by the same dotnet as this process (tests: their output folder holds it).</summary>
    public static RealExecutable InDirectory(string directory)
    {
        var dll = Path.Combine(directory, "real.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"real.dll not found in {directory}: build services/Real.Cli first.", dll);
        }

        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return new RealExecutable(dotnet, [dll]);
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(FileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in PrefixArguments.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>The command line as one string, for scripts (REAL_BIN of infra/local/run-distributed.sh).</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(PrefixArguments));
}
