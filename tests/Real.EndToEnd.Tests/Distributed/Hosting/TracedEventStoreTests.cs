using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Real.EventStore;
using Real.EventStore.Sqlite;
using Real.Hosting.Telemetry;
using Real.Testing;

namespace Real.EndToEnd.Tests.Distributed.Hosting;

public sealed class TracedEventStoreTests
{
    [Fact]
    public async Task Events_a_consumer_appends_carry_the_trace_of_the_message_and_its_id()
    {
        using var temp = new TempDirectory();
        var spans = new ConcurrentBag<Activity>();
        using var listener = Listen(spans);
        await using var inner = new SqliteEventStore(temp.File("events.db"));
        var store = new TracedEventStore(inner);
        await using var provider = new ServiceCollection()
            .AddSingleton<IEventStore>(store)
            .AddMassTransit(bus =>
            {
                bus.AddConsumer<AppendingConsumer>();
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            })
            .BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        await control.StartAsync();
        try
        {
            string traceId;
            Guid messageId = NewId.NextGuid();
            using (var root = new ActivitySource("Real.Tests").StartActivity("tool submits", ActivityKind.Producer))
            {
                Assert.NotNull(root);
                traceId = root.TraceId.ToHexString();
                await control.Publish(new AppendRequested("probe-1"), context => context.MessageId = messageId);
            }

            var recorded = await Eventually.ReturnsAsync(
                async () => await store.ReadStreamAsync("probe-1", Direction.Forwards, 0).FirstOrDefaultAsync(),
                TimeSpan.FromSeconds(30),
                "no event in probe-1: the consumer never appended",
                TimeSpan.FromMilliseconds(50));

            Assert.Equal(traceId, recorded.Metadata.CorrelationId);
            Assert.Equal(messageId.ToString(), recorded.Metadata.CausationId);
            var append = await Eventually.ReturnsAsync(
                () => Task.FromResult(spans.FirstOrDefault(s => s.Source.Name == RealTelemetry.SourceName && s.TraceId.ToHexString() == traceId)),
                TimeSpan.FromSeconds(10),
                "the append span was not recorded",
                TimeSpan.FromMilliseconds(50));
            Assert.Equal("probe-1", append.GetTagItem("real.stream"));
            Assert.Contains(spans, s => s.Source.Name == RealTelemetry.MassTransitSourceName && s.SpanId == append.ParentSpanId);
        }
        finally
        {
            await control.StopAsync();
        }
    }

    [Fact]
    public async Task Metadata_the_handler_set_is_kept_and_idempotency_ignores_the_new_trace()
    {
        using var temp = new TempDirectory();
        var spans = new ConcurrentBag<Activity>();
        using var listener = Listen(spans);
        await using var inner = new SqliteEventStore(temp.File("events.db"));
        var store = new TracedEventStore(inner);
        var id = Guid.NewGuid();
        var own = new EventMetadata { CorrelationId = "batch-7", CausationId = "msg-7" };

        using (new ActivitySource("Real.Tests").StartActivity("first delivery"))
        {
            await store.AppendToStreamAsync("probe-2", ExpectedRevision.Any, [new EventData(id, "Probe", "{}"u8.ToArray(), own)]);
        }

        AppendResult repeat;
        using (new ActivitySource("Real.Tests").StartActivity("redelivery"))
        {
            repeat = await store.AppendToStreamAsync("probe-2", ExpectedRevision.Any, [new EventData(id, "Probe", "{}"u8.ToArray())]);
        }

        var events = await store.ReadStreamAsync("probe-2", Direction.Forwards, 0).ToListAsync();
        Assert.Equal(0, repeat.AppendedCount);
        var only = Assert.Single(events);
        Assert.Equal("batch-7", only.Metadata.CorrelationId);
        Assert.Equal("msg-7", only.Metadata.CausationId);
    }

    private static ActivityListener Listen(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RealTelemetry.SourceName or RealTelemetry.MassTransitSourceName or "Real.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public sealed record AppendRequested(string Stream);

    public sealed class AppendingConsumer(IEventStore store) : IConsumer<AppendRequested>
    {
        public Task Consume(ConsumeContext<AppendRequested> context) =>
            store.AppendToStreamAsync(context.Message.Stream, ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Probe", "{}"u8.ToArray())], context.CancellationToken);
    }
}
