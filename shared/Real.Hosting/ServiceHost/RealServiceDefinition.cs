using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// One of Real's services as a unit a process can host: its name (as in `real service NAME` and docker-compose.yml),
/// what it registers (its AddXyzService method: read models, handlers, background work), its bus consumers, the HTTP
/// endpoints it maps beside /health (the rating intake's POST /ratings, the reporting dashboard), and the RabbitMQ
/// queues it consumes (so `real errors list` knows which _error queues to look at). A process hosts one service
/// (distributed) or all of them on one bus (`real service all`, the embedded topology as a server).
/// </summary>
public sealed record RealServiceDefinition(
    string Name,
    string Description,
    Action<IServiceCollection, RealSettings, IConfiguration> AddServices,
    Action<IBusRegistrationConfigurator>? AddConsumers = null,
    Action<WebApplication>? MapEndpoints = null,
    IReadOnlyList<string>? ReceiveQueues = null);
