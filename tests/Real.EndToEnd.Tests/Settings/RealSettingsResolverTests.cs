using Real.Hosting;

namespace Real.EndToEnd.Tests.Settings;

public sealed class RealSettingsResolverTests
{
    [Fact]
    public void Explicit_home_wins_and_is_made_absolute()
    {
        var settings = RealSettingsResolver.Resolve(home: "some/dir", storeBackend: "sqlite", dataRoot: "/tmp/data");

        Assert.Equal(Path.GetFullPath("some/dir"), settings.Home);
        Assert.Equal(Path.Combine(Path.GetFullPath("some/dir"), "events.db"), settings.SqlitePath);
        Assert.Equal("/tmp/data/real", settings.RealVotesDirectory);
    }

    [Fact]
    public void Unknown_backend_is_rejected_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => RealSettingsResolver.Resolve(home: "x", storeBackend: "oracle", dataRoot: "/d"));

        Assert.Contains("oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_connection_string_says_how_to_get_one()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RealSettingsResolver.Resolve(home: "x", storeBackend: "postgres", dataRoot: "/d", environment: _ => null));

        Assert.Contains("REAL_PG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_supplies_what_options_leave_out()
    {
        var env = new Dictionary<string, string?> { ["REAL_HOME"] = "/tmp/h", ["REAL_STORE"] = "postgres", ["REAL_PG"] = "Host=x" };

        var settings = RealSettingsResolver.Resolve(dataRoot: "/d", environment: name => env.GetValueOrDefault(name));

        Assert.Equal("/tmp/h", settings.Home);
        Assert.Equal("postgres", settings.StoreBackend);
        Assert.Equal("Host=x", settings.PostgresConnectionString);
    }
}
