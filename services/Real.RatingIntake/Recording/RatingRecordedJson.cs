using System.Buffers;
using System.Text.Json;
using Real.Contracts.Events.Intake;
using Real.EventStore.Serialization;

namespace Real.RatingIntake.Recording;

/// <summary>
/// Writes a <see cref="RatingRecorded"/> as UTF-8 JSON with one reused <see cref="Utf8JsonWriter"/>: byte for byte what
/// <see cref="EventSerializer"/> writes (a test holds the two together), without reflection or per-call setup, since
/// the bulk import writes nearly a million of these. Not thread-safe; one instance per recording call.
/// </summary>
internal sealed class RatingRecordedJson
{
    private static readonly JsonEncodedText RatingId = JsonEncodedText.Encode("ratingId");
    private static readonly JsonEncodedText ToolId = JsonEncodedText.Encode("toolId");
    private static readonly JsonEncodedText BatchId = JsonEncodedText.Encode("batchId");
    private static readonly JsonEncodedText RaterId = JsonEncodedText.Encode("raterId");
    private static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText DatasetId = JsonEncodedText.Encode("datasetId");
    private static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
    private static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText Answer = JsonEncodedText.Encode("answer");
    private static readonly JsonEncodedText AnsweredAt = JsonEncodedText.Encode("answeredAt");
    private static readonly JsonEncodedText TaskId = JsonEncodedText.Encode("taskId");
    private static readonly JsonEncodedText[] Answers = [JsonEncodedText.Encode("no"), JsonEncodedText.Encode("maybe"), JsonEncodedText.Encode("yes")];
    private static readonly JsonEncodedText[] Roles = [JsonEncodedText.Encode("crowd"), JsonEncodedText.Encode("expert"), JsonEncodedText.Encode("control")];

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    public RatingRecordedJson() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = EventSerializer.Options.Encoder, SkipValidation = true });

    public byte[] Write(RatingRecorded e)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString(RatingId, e.RatingId);
        _writer.WriteString(ToolId, e.ToolId);
        _writer.WriteString(BatchId, e.BatchId);
        _writer.WriteString(RaterId, e.RaterId);
        _writer.WriteString(Role, Roles[(int)e.Role]);
        _writer.WriteString(DatasetId, e.DatasetId);
        _writer.WriteString(Image, e.Image);
        _writer.WriteNumber(Label, e.Label);
        _writer.WriteString(Answer, Answers[(int)e.Answer]);
        _writer.WriteString(AnsweredAt, e.AnsweredAt);
        if (e.TaskId is null)
        {
            _writer.WriteNull(TaskId);
        }
        else
        {
            _writer.WriteString(TaskId, e.TaskId);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
