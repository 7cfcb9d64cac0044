using System.Text.Json;
using RabbitMQ.Client;
using Real.Cli;
using Real.Cli.Commands.Proposals;
using Real.Hosting.Messaging;
using Real.Proposals.Tests.Fixtures;
using Real.Testing;
using Spectre.Console.Cli;

namespace Real.Proposals.Tests.Cli;

/// <summary>
/// The verbs end to end through Spectre's command parsing, registered exactly as the `real` command tree registers
/// them (ProposalCommands), on a home whose data set the harness registered.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ProposalVerbsTests
{
    [Fact]
    public async Task Register_list_import_and_propose_print_one_json_object_each()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        string[] common = ["--home", harness.Home, "--store", "sqlite", "--data", harness.Settings.DataRoot];

        var registered = await RunJsonAsync([.. "models register tiny-a".Split(' '), GeneratedFixtures.Model("tiny-a"), "--dataset", TestModels.DatasetId, "--json", .. common]);
        await RunJsonAsync([.. "models register tiny-b".Split(' '), GeneratedFixtures.Model("tiny-b"), "--dataset", TestModels.DatasetId, "--json", .. common]);
        var imported = await RunJsonAsync(["import", "predictions", "--model", "tiny-c", GeneratedFixtures.File("predictions/tiny-c.top5.csv"), "--dataset", TestModels.DatasetId, "--json", .. common]);
        var listed = await RunJsonAsync(["models", "list", "--json", .. common]);
        var proposed = await RunJsonAsync(
            ["propose", "--models", "tiny-a,tiny-b,tiny-c", "--images", GeneratedFixtures.ImagesDirectory, "--dataset", TestModels.DatasetId, "--cpu-threads", "1", "--json", .. common]);

        Assert.True(registered.GetProperty("registered").GetBoolean());
        Assert.Equal("logits", registered.GetProperty("model").GetProperty("output_kind").GetString());
        Assert.Equal(8, imported.GetProperty("images").GetInt32());
        Assert.Equal(["tiny-a", "tiny-b"], listed.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_id").GetString()));
        Assert.Equal(8, proposed.GetProperty("images").GetInt32());
        Assert.Equal(2, proposed.GetProperty("generation").GetArrayLength());
        Assert.Equal(proposed.GetProperty("tasks").GetInt32(), proposed.GetProperty("tasks_published").GetInt32());
    }

    [Fact]
    public async Task Propose_over_rabbitmq_publishes_every_task_to_the_tools_exchange_as_plain_json()
    {
        await using var vhost = await RabbitMqTestVhost.CreateAsync();
        var factory = new ConnectionFactory { Uri = vhost.GuestUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // What a tool does before Real issues tasks (docs/rating-tool-protocol.md): bind its own durable queue.
        await channel.ExchangeDeclareAsync(ToolTopology.TasksExchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync("test-tool.tasks", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("test-tool.tasks", ToolTopology.TasksExchange, routingKey: "");
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        string[] common = ["--home", harness.Home, "--store", "sqlite", "--data", harness.Settings.DataRoot];
        await RunJsonAsync([.. "models register tiny-a".Split(' '), GeneratedFixtures.Model("tiny-a"), "--dataset", TestModels.DatasetId, "--json", .. common]);
        await RunJsonAsync([.. "models register tiny-b".Split(' '), GeneratedFixtures.Model("tiny-b"), "--dataset", TestModels.DatasetId, "--json", .. common]);

        var proposed = await RunJsonAsync(
            ["propose", "--models", "tiny-a,tiny-b", "--images", GeneratedFixtures.ImagesDirectory, "--dataset", TestModels.DatasetId, "--cpu-threads", "1",
             "--transport", "rabbitmq", "--rabbitmq", vhost.GuestUri.ToString(), "--json", .. common]);

        var tasks = proposed.GetProperty("tasks").GetInt32();
        Assert.True(tasks > 0, "the run issued no task");
        Assert.Equal(tasks, proposed.GetProperty("tasks_published").GetInt32());
        await Eventually.HoldsAsync(async () => await channel.MessageCountAsync("test-tool.tasks") == (uint)tasks, TimeSpan.FromSeconds(30), $"the tool's queue never held the {tasks} tasks");
        var first = await channel.BasicGetAsync("test-tool.tasks", autoAck: true);
        using var task = JsonDocument.Parse(first!.Body);
        var image = task.RootElement.GetProperty("image").GetString()!;
        Assert.Equal(TestModels.DatasetId, task.RootElement.GetProperty("datasetId").GetString());
        Assert.StartsWith($"{Path.GetFileNameWithoutExtension(image)}.", task.RootElement.GetProperty("taskId").GetString(), StringComparison.Ordinal);
        Assert.All(task.RootElement.GetProperty("candidates").EnumerateArray(), c => Assert.True(c.GetProperty("classIndex").GetInt32() >= 0));
        Assert.NotEmpty(task.RootElement.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_exits_2_with_one_line_naming_the_problem()
    {
        await using var harness = new ProposalsHarness();
        await harness.RegisterDatasetAsync();
        string[] common = ["--home", harness.Home, "--data", harness.Settings.DataRoot];

        var (exit, output) = await RunAsync(["models", "register", "tiny-a", GeneratedFixtures.Model("tiny-a"), "--dataset", TestModels.DatasetId, "--interpolation", "lanczos", .. common]);
        var (unknownExit, unknown) = await RunAsync(["propose", "--models", "ghost,tiny-a", "--dataset", TestModels.DatasetId, .. common]);

        Assert.Equal(2, exit);
        Assert.Contains("--interpolation 'lanczos': use one of bilinear, bicubic, nearest.", output, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("Model 'ghost' is neither registered nor has imported predictions", unknown, StringComparison.Ordinal);
    }

    private static CommandApp App()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.AddProposalCommands();
            config.AddBranch("import", import => import.AddProposalImports());
            config.AddBranch("bench", bench => bench.AddProposalBenchmarks());
        });
        return app;
    }

    private static async Task<JsonElement> RunJsonAsync(string[] args)
    {
        using var capture = new ConsoleCapture();
        var exit = await CliErrors.RunAsync(() => App().RunAsync(args));
        Assert.True(exit == 0, $"real {string.Join(' ', args)} exited {exit}: {capture.Out} {capture.Error}");
        var lines = capture.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var document = JsonDocument.Parse(Assert.Single(lines));
        return document.RootElement.Clone();
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var capture = new ConsoleCapture();
        var exit = await CliErrors.RunAsync(() => App().RunAsync(args));
        return (exit, capture.Out + capture.Error);
    }
}
