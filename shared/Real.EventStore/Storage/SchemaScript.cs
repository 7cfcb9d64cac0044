using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Real.EventStore.Storage;

/// <summary>
/// One numbered schema script embedded in this assembly (e.g. Sqlite/Scripts/001_initial.sql). Scripts are applied
/// in version order, each once, recorded in the backend's schema_migrations table.
/// </summary>
public sealed partial record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>The scripts of one backend folder ("Sqlite" or "Postgres"), in version order.</summary>
    public static IReadOnlyList<SchemaScript> For(string backendFolder)
    {
        var assembly = typeof(SchemaScript).Assembly;
        var prefix = $"{assembly.GetName().Name}.{backendFolder}.Scripts.";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema script '{fileName}' is not named NNN_description.sql.");
            }

            scripts.Add(new SchemaScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), fileName, Read(assembly, resource)));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Schema scripts {string.Join(", ", duplicate.Select(s => s.Name))} share version {duplicate.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{3})_[A-Za-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();
}
