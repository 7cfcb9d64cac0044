using System.Text.Json;
using Real.Cli;
using Real.Cli.Commands.Proposals;
using Real.Proposals.Tests.Fixtures;
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
