namespace Real.Testing;

/// <summary>The checkout's root directory (the one holding Real.sln), found by walking up from the test binary.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Real.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Real.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;

    /// <summary>The reference data root: $REAL_DATA, else data/ in the checkout, else ../shared/data beside it.</summary>
    public static string DataRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("REAL_DATA") is { Length: > 0 } env)
            {
                return env;
            }

            var local = System.IO.Path.Combine(Path, "data");
            return Directory.Exists(System.IO.Path.Combine(local, "real")) ? local : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "data"));
        }
    }
}
