using System.ComponentModel;
using Real.Hosting.ServiceHost;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli.Commands.Services;

public sealed class ServiceSettings : RealCommandSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The service to run: rating-intake, proposals, aggregation, reporting, or all (every service in one process).")]
    public string Name { get; init; } = "";

    [CommandOption("--port <PORT>")]
    [Description("HTTP port for /health and the service's endpoints ($REAL_HTTP_PORT, appsettings Real:Http:Port; default 8080).")]
    public int? Port { get; init; }

    [CommandOption("--address <IP>")]
    [Description("Address to listen on ($REAL_HTTP_ADDRESS; default 127.0.0.1, use 0.0.0.0 in a container).")]
    public string? Address { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Extra JSON configuration file, read after appsettings.json and before the environment.")]
    public string? ConfigFile { get; init; }

    [CommandOption("--transport <TRANSPORT>")]
    [Description("Message transport: rabbitmq or inmemory ($REAL_TRANSPORT).")]
    public string? Transport { get; init; }

    [CommandOption("--rabbitmq <URI>")]
    [Description("RabbitMQ amqp:// URI ($REAL_RABBITMQ).")]
    public string? RabbitMq { get; init; }

    public RealServiceOptions ToOptions() => new()
    {
        Port = Port,
        Address = Address,
        ConfigFile = ConfigFile,
        Home = Home,
        Store = Store,
        Postgres = Postgres,
        DataRoot = DataRoot,
        Transport = Transport,
        RabbitMq = RabbitMq,
    };

    public override ValidationResult Validate() =>
        ServiceCatalog.Find(Name) is null
            ? ValidationResult.Error($"Unknown service '{Name}': use one of {string.Join(", ", ServiceCatalog.Names)}.")
            : Port is < 0 or > 65535 ? ValidationResult.Error($"--port must be 0-65535, not {Port}.") : ValidationResult.Success();
}
