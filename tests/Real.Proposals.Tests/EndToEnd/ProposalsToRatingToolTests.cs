using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;
using Real.Hosting;
using Real.Hosting.Messaging;
using Real.Proposals.Generating.Inference;
using Real.Proposals.Pooling;
using Real.Proposals.Registering;
using Real.Proposals.Tests.Fixtures;
using Real.RatingIntake;
using Real.Testing;

namespace Real.Proposals.Tests.EndToEnd;

/// <summary>
/// Images to ratings, end to end over RabbitMQ: three generated ONNX models predict the generated images, the pooled
/// candidates become rating tasks published as RatingTaskCreated, the sample python rating tool (its own narrow
/// RabbitMQ user, none of Real's code) receives every task and answers every candidate, and intake — on the same
/// bus, composed as the services compose themselves — records exactly those answers.
/// </summary>
public sealed class ProposalsToRatingToolTests
{
    private static readonly string[] Models = ["tiny-a", "tiny-b", "tiny-c"];

    [Fact]
    public async Task Tasks_from_a_proposal_run_reach_the_python_tool_and_its_answers_are_recorded()
    {
        await using var vhost = await RabbitMqTestVhost.CreateAsync();
        var tool = $"pyprop-{Guid.NewGuid().ToString("N")[..6]}";
        var toolUri = await vhost.CreateToolUserAsync(tool);

        using var home = new TempDirectory("real-proposals-e2e");
        var settings = new RealSettings { Home = home.Path, DataRoot = RepositoryRoot.DataRoot, Transport = "rabbitmq", RabbitMqUri = vhost.GuestUri.ToString() };
        await using var provider = Compose(settings);
        var bus = provider.GetRequiredService<IBusControl>();
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await RegisterAsync(services);
        using (var started = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(started.Token);
        }

        try
        {
            // Real's bus declared the protocol's exchanges. The tool's task queue is durable: a first start with
            // nothing to answer binds it, as a tool installed before Real issues tasks would be, so the tasks
            // published next wait there for the second start.
            using (var binding = await PythonRatingTool.StartAsync(toolUri, tool, tasks: 0, TimeSpan.FromSeconds(30)))
            {
                (await binding.FinishAsync(TimeSpan.FromSeconds(30))).Dispose();
            }

            var run = await services.GetRequiredService<ProposalRunner>().RunAsync(new ProposeRequest
            {
                DatasetId = TestModels.DatasetId,
                ModelIds = Models,
                ImagesDirectory = GeneratedFixtures.ImagesDirectory,
                Inference = new InferenceOptions { CpuThreads = 1, BatchSize = 4 },
            });
            Assert.True(run.Tasks > 0, "the proposal run issued no task, so nothing would reach the tool");

            var issued = await IssuedAsync(services);
            Assert.Equal(run.Tasks, issued.Count);

            using var python = await PythonRatingTool.StartAsync(toolUri, tool, run.Tasks, TimeSpan.FromSeconds(90));
            using var summary = await python.FinishAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(run.Tasks, summary.RootElement.GetProperty("tasks").GetInt32());
            Assert.Equal(run.Questions, summary.RootElement.GetProperty("accepted").GetArrayLength());
            Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetArrayLength());

            var recorded = await RecordedAsync(services, tool);
            Assert.Equal(run.Questions, recorded.Count);
            foreach (var task in issued)
            {
                Assert.Equal(task.Labels.Order(), recorded.Where(r => r.TaskId == task.TaskId).Select(r => r.Label).Order());
                Assert.All(recorded.Where(r => r.TaskId == task.TaskId), r =>
                {
                    Assert.Equal((task.Image, PythonRatingTool.RaterOf(tool)), (r.Image, r.RaterId));
                    Assert.Equal(PythonRatingTool.ExpectedAnswer(r.RaterId, r.Image, r.Label), r.Answer);
                });
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>The proposals and intake services on one bus and one store, each through its own Add* methods.</summary>
    private static ServiceProvider Compose(RealSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRealEventStore(settings);
        services.AddProposals();
        services.AddRatingIntake();
        services.AddRealMessaging(settings, bus =>
        {
            bus.AddProposalsConsumers();
            bus.AddRatingIntakeConsumers();
        });
        return services.BuildServiceProvider();
    }

    /// <summary>"tiny-val" (ImageNet's classes, the 8 generated images with their real labels) and the three models.</summary>
    private static async Task RegisterAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IEventStore>();
        var serializer = services.GetRequiredService<EventSerializer>();
        await store.InitializeAsync();
        var names = File.ReadLines(Path.Combine(RepositoryRoot.DataRoot, "imagenet", "class_names.txt")).ToArray();
        var images = GeneratedFixtures.ImageNames;
        var dataset = new DatasetRegistered(TestModels.DatasetId, TestModels.DatasetId, names, images, ProposalsHarness.ValidationLabels(images.Count));
        await store.AppendToStreamAsync(StreamNames.Dataset(TestModels.DatasetId), ExpectedRevision.NoStream, [serializer.ToEventData(Guid.NewGuid(), dataset)]);
        var registrar = services.GetRequiredService<ModelRegistrar>();
        foreach (var model in Models)
        {
            await registrar.RegisterAsync(new RegisterModel { ModelId = model, OnnxPath = GeneratedFixtures.Model(model), DatasetId = TestModels.DatasetId });
        }
    }

    private static async Task<List<RatingTaskIssued>> IssuedAsync(IServiceProvider services)
    {
        var serializer = services.GetRequiredService<EventSerializer>();
        var issued = new List<RatingTaskIssued>();
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamNames.Tasks(TestModels.DatasetId), Direction.Forwards, 0))
        {
            if (serializer.TryDeserialize(e) is RatingTaskIssued task)
            {
                issued.Add(task);
            }
        }

        return issued;
    }

    private static async Task<List<RatingRecorded>> RecordedAsync(IServiceProvider services, string toolId)
    {
        var serializer = services.GetRequiredService<EventSerializer>();
        var recorded = new List<RatingRecorded>();
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamNames.Ratings(toolId), Direction.Forwards, 0))
        {
            recorded.Add(serializer.Deserialize<RatingRecorded>(e));
        }

        return recorded;
    }
}
