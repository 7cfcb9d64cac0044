using System.ComponentModel;
using Real.Hosting;
using Spectre.Console.Cli;

namespace Real.Cli;

/// <summary>Options every verb takes: where state lives and which backends to use.</summary>
public class RealCommandSettings : CommandSettings
{
    [CommandOption("--home <DIR>")]
    [Description("Data directory for the embedded store and outputs (default: $REAL_HOME, else .real/).")]
    public string? Home { get; init; }

    [CommandOption("--store <BACKEND>")]
    [Description("Event store backend: sqlite (default) or postgres ($REAL_STORE).")]
    public string? Store { get; init; }

    [CommandOption("--pg <CONNECTION>")]
    [Description("PostgreSQL connection string ($REAL_PG).")]
    public string? Postgres { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Reference data root holding real/ and imagenet/ ($REAL_DATA, else data/ or ../shared/data).")]
    public string? DataRoot { get; init; }

    public virtual RealSettings Resolve() => RealSettingsResolver.Resolve(Home, Store, Postgres, DataRoot);
}
