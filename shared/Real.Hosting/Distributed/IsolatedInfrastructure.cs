using System.Text.RegularExpressions;
using Npgsql;

namespace Real.Hosting.Distributed;

/// <summary>
/// A RabbitMQ virtual host and a PostgreSQL database of their own on shared servers, so a distributed test or
/// benchmark never sees anyone else's queues or events; both are dropped on dispose.
/// </summary>
public sealed partial class IsolatedInfrastructure : IAsyncDisposable
{
    private readonly string _postgresAdmin;

    private IsolatedInfrastructure(string name, Uri rabbitMq, string postgres, string postgresAdmin)
    {
        Name = name;
        RabbitMqUri = rabbitMq;
        PostgresConnectionString = postgres;
        _postgresAdmin = postgresAdmin;
    }

    /// <summary>The vhost's and the database's name.</summary>
    public string Name { get; }

    /// <summary>The broker URI with the base credentials, into the new vhost.</summary>
    public Uri RabbitMqUri { get; }

    public string PostgresConnectionString { get; }

    public static async Task<IsolatedInfrastructure> CreateAsync(string prefix, Uri rabbitMq, string postgresAdmin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rabbitMq);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)].ToLowerInvariant();
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException($"'{prefix}' makes an unsafe vhost/database name '{name}': use lowercase letters, digits and '_'.", nameof(prefix));
        }

        var user = Uri.UnescapeDataString(rabbitMq.UserInfo.Split(':')[0]);
        await Rabbitmqctl.RunAsync(["add_vhost", name], cancellationToken);
        await Rabbitmqctl.RunAsync(["set_permissions", "-p", name, user, ".*", ".*", ".*"], cancellationToken);

        // CREATE DATABASE takes no parameters; the name matched SafeName above, and is quoted as an identifier.
        await using (var admin = new NpgsqlConnection(postgresAdmin))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
        var vhostUri = new UriBuilder(rabbitMq) { Path = "/" + name }.Uri;
        return new IsolatedInfrastructure(name, vhostUri, database, postgresAdmin);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Best effort: the server may be the one a fault drill stopped.
        }

        try
        {
            await Rabbitmqctl.RunAsync(["delete_vhost", Name], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();
}
