using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// One of Real's services as its own process: its name (as in `real service NAME` and docker-compose.yml), what it
/// registers (its AddXyzService method: store, bus consumers, background work) and the HTTP endpoints it maps
/// beside /health (the rating intake's POST /ratings, the reporting dashboard). <see cref="ReceiveQueues"/> names the
/// RabbitMQ queues it consumes, so `real errors list` knows which _error queues to look at.
/// </summary>
public sealed record RealServiceDefinition(
    string Name,
    string Description,
    Action<IServiceCollection, RealSettings, IConfiguration> AddServices,
    Action<WebApplication>? MapEndpoints = null,
    IReadOnlyList<string>? ReceiveQueues = null);
