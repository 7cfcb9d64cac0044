using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace Real.Hosting.Telemetry;

/// <summary>
/// Writes finished spans as JSON lines to a file (REAL_TRACE_FILE): a collector-free way to look at traces on a
/// machine without one, and what the distributed end-to-end test reads to check that a message's trace reaches the
/// events it caused. Several processes may append to one file: each batch is written with one append.
/// </summary>
public sealed class JsonLinesActivityExporter(string path, string serviceName) : BaseExporter<Activity>
{
    private readonly Lock _gate = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        using var buffer = new MemoryStream();
        foreach (var activity in batch)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                Write(json, activity);
            }

            buffer.WriteByte((byte)'\n');
        }

        try
        {
            lock (_gate)
            {
                using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                buffer.Position = 0;
                buffer.CopyTo(file);
            }

            return ExportResult.Success;
        }
        catch (IOException)
        {
            return ExportResult.Failure;
        }
    }

    private void Write(Utf8JsonWriter json, Activity activity)
    {
        json.WriteStartObject();
        json.WriteString("service", serviceName);
        json.WriteString("source", activity.Source.Name);
        json.WriteString("name", activity.DisplayName);
        json.WriteString("kind", activity.Kind.ToString());
        json.WriteString("trace_id", activity.TraceId.ToHexString());
        json.WriteString("span_id", activity.SpanId.ToHexString());
        json.WriteString("parent_span_id", activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString());
        json.WriteString("start", activity.StartTimeUtc);
        json.WriteNumber("duration_ms", activity.Duration.TotalMilliseconds);
        json.WriteString("status", activity.Status.ToString());
        json.WriteStartObject("tags");
        foreach (var tag in activity.TagObjects)
        {
            json.WriteString(tag.Key, tag.Value?.ToString());
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
