using System.Text;
using static Real.RatingIntake.Tests.Submitting.SubmissionJson;

namespace Real.RatingIntake.Tests.Submitting;

/// <summary>
/// Systematically broken SubmitRatings bodies. Each case says whether the tool can still be read (then it must be
/// answered with a rejection) and which valid ratings ride along in the same batch (they must be recorded).
/// </summary>
public static class BadInputGenerator
{
    public sealed record Case(string Kind, byte[] Body, bool Answerable, string? BatchId, IReadOnlyList<string> ValidRatingIds);

    public static IEnumerable<Case> All()
    {
        var n = 0;
        string Id(string kind) => $"{kind}-{n++}";

        // Truncations of a valid batch at every 3rd byte: unreadable as JSON, so no tool id -> _error.
        var whole = Batch("trunc", [Rating("t1"), Rating("t2")]);
        for (var cut = 1; cut < whole.Length - 1; cut += 3)
        {
            yield return new Case("truncated", Bytes(whole[..cut]), false, null, []);
        }

        // Non-UTF-8 bytes in the header (unreadable, _error) and in a rating (unreadable as a whole, _error).
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        for (var i = 0; i < 140; i++)
        {
            var text = Batch(Id("utf8"), [Rating(Id("u"))]);
            var at = 10 + (i * 7 % (text.Length - 20));
            var bytes = Bytes(text).ToList();
            bytes.InsertRange(at, invalid[i % invalid.Length]);
            yield return new Case("non-utf8", [.. bytes], false, null, []);
        }

        // A malformed rating between two valid ones: wrong types, unknown answers, missing fields, bad dates.
        (string Valid, string[] Broken)[] fields =
        [
            ("\"ratingId\":\"X\"", ["\"ratingId\":7", "\"ratingId\":true", "\"ratingId\":[]", "\"ratingId\":{}", "\"ratingId\":\"\""]),
            ("\"label\":65", ["\"label\":\"65\"", "\"label\":-3", "\"label\":1.5", "\"label\":1e99", "\"label\":null", "\"label\":[65]"]),
            ("\"raterId\":\"acme:r1\"", ["\"raterId\":1", "\"raterId\":null", "\"raterId\":\"\"", "\"raterId\":\"other:r1\"", "\"raterId\":\"r1\""]),
            ("\"answer\":\"yes\"", ["\"answer\":\"YES\"", "\"answer\":\"y\"", "\"answer\":\"true\"", "\"answer\":\"\"", "\"answer\":1", "\"answer\":true", "\"answer\":\"no \"", "\"answer\":\"unsure\""]),
            ("\"answeredAt\":\"2025-01-31T12:00:00Z\"", ["\"answeredAt\":\"2025-01-31\"", "\"answeredAt\":\"2025-13-01T00:00:00Z\"", "\"answeredAt\":\"2025-02-30T12:00:00Z\"", "\"answeredAt\":\"2025-01-31T25:00:00Z\"", "\"answeredAt\":\"2025-01-31T12:00:00\"", "\"answeredAt\":\"yesterday\"", "\"answeredAt\":1738324800", "\"answeredAt\":\"2025-01-31T12:00:00+25:00\""]),
            ("\"image\":\"ILSVRC2012_val_00000001.JPEG\",", ["", "\"image\":5,", "\"image\":[],"]),
        ];
        for (var round = 0; round < 16; round++)
        {
            foreach (var (valid, brokenValues) in fields)
            {
                foreach (var broken in brokenValues)
                {
                    var batchId = Id("field");
                    var (good1, good2) = (Id("g"), Id("g"));
                    var bad = Rating("X").Replace("\"ratingId\":\"X\"", $"\"ratingId\":\"{Id("b")}\"", StringComparison.Ordinal);
                    bad = valid.StartsWith("\"ratingId\"", StringComparison.Ordinal)
                        ? Rating("X").Replace(valid, broken, StringComparison.Ordinal)
                        : bad.Replace(valid, broken, StringComparison.Ordinal);
                    yield return new Case("bad-field", Bytes(Batch(batchId, [Rating(good1), bad, Rating(good2)])), true, batchId, [good1, good2]);
                }
            }
        }

        // Whole-batch problems that still name the tool: answered, nothing recorded.
        string[] headers =
        [
            """{"toolId":"acme","batchId":"B","datasetId":"imagenet-val"}""",
            """{"toolId":"acme","batchId":"B","datasetId":"imagenet-val","ratings":{}}""",
            """{"toolId":"acme","batchId":"B","datasetId":"imagenet-val","ratings":[]}""",
            """{"toolId":"acme","batchId":"B","ratings":[{}]}""",
            """{"toolId":"acme","batchId":"B","datasetId":7,"ratings":[{}]}""",
        ];
        for (var i = 0; i < 60; i++)
        {
            var batchId = Id("header");
            yield return new Case("bad-header", Bytes(headers[i % headers.Length].Replace("\"B\"", $"\"{batchId}\"", StringComparison.Ordinal)), true, batchId, []);
        }

        // Oversize batches: rejected whole before anything is recorded.
        for (var i = 0; i < 3; i++)
        {
            var batchId = Id("oversize");
            yield return new Case("oversize", Bytes(Batch(batchId, Enumerable.Range(0, 10_001).Select(k => Rating($"{batchId}-{k}")))), true, batchId, []);
        }

        // Duplicate rating ids with different content, in the same batch and across batches.
        for (var i = 0; i < 100; i++)
        {
            var (batchId, good, dup) = (Id("dup"), Id("g"), Id("d"));
            yield return new Case("duplicate-id", Bytes(Batch(batchId, [Rating(dup), Rating(good), Rating(dup, answer: "no")])), true, batchId, [good, dup]);
            var laterBatch = Id("dup-later");
            yield return new Case("duplicate-id-later", Bytes(Batch(laterBatch, [Rating(dup, answer: "maybe")])), true, laterBatch, []);
        }
    }
}
