using Xunit;

namespace Real.Testing;

/// <summary>
/// A virtual host of its own on the shared local RabbitMQ (so parallel test runs never see each other's queues),
/// with tool users made by infra/rabbitmq/create-tool-user.sh exactly as an operator would. Deleted on dispose.
/// Fails (never skips) when RabbitMQ or rabbitmqctl is missing, saying how to start them.
/// </summary>
public sealed class RabbitMqTestVhost : IAsyncDisposable
{
    private readonly List<string> _users = [];

    private RabbitMqTestVhost(string name, Uri guestUri)
    {
        Name = name;
        GuestUri = guestUri;
    }

    public string Name { get; }

    /// <summary>The administrator's (guest's) URI into this vhost, as Real's services use it.</summary>
    public Uri GuestUri { get; }

    public static async Task<RabbitMqTestVhost> CreateAsync()
    {
        var baseUri = LocalServices.RabbitMqUri;
        var name = $"real-test-{Guid.NewGuid():N}"[..24];
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitMqTestVhost(name, new Uri($"{baseUri.Scheme}://{baseUri.UserInfo}@{baseUri.Host}:{baseUri.Port}/{name}"));
    }

    /// <summary>Creates a tool's user with the protocol's permissions; returns its AMQP URI.</summary>
    public async Task<Uri> CreateToolUserAsync(string toolId)
    {
        var script = Path.Combine(RepositoryRoot.Path, "infra", "rabbitmq", "create-tool-user.sh");
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync("bash", [script, toolId, Name], TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["REAL_RABBITMQ_HOST"] = $"{GuestUri.Host}:{GuestUri.Port}" });
        Assert.True(exit == 0, $"create-tool-user.sh {toolId} failed: {stderr}");
        _users.Add(toolId);
        return new Uri(stdout.Trim().Split('\n')[^1]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await ExternalProcess.RunAsync("rabbitmqctl", ["--quiet", "delete_user", user], TimeSpan.FromSeconds(30));
        }

        await ExternalProcess.RunAsync("rabbitmqctl", ["--quiet", "delete_vhost", Name], TimeSpan.FromSeconds(30));
    }

    private static async Task CtlAsync(params string[] arguments)
    {
        var (exit, _, stderr) = await ExternalProcess.RunAsync("rabbitmqctl", ["--quiet", .. arguments], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"rabbitmqctl {string.Join(' ', arguments)} failed ({stderr.Trim()}). Start the local RabbitMQ with `make services-up`.");
    }
}
