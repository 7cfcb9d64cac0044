using System.Reflection;

namespace Real.Aggregation.Runs;

/// <summary>The version of the code that computed a label set: the assembly's informational version (with the git commit when built from a checkout).</summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
