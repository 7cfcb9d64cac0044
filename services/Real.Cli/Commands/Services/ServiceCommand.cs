using Real.Hosting.ServiceHost;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

/// <summary>
/// `real service NAME`: one of Real's services as its own long-running process (what each docker-compose container
/// and infra/local/run-distributed.sh start). The service's composition lives in its own project
/// (AddXyzService); the host (config, logs, traces, health) in Real.Hosting.ServiceHost.
/// </summary>
public sealed class ServiceCommand : AsyncCommand<ServiceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServiceSettings settings, CancellationToken cancellationToken)
    {
        var services = ServiceCatalog.Find(settings.Name)!;
        await RealServiceHost.RunAsync(settings.Name.ToLowerInvariant(), services, settings.ToOptions(), cancellationToken);
        return 0;
    }
}
