using System.Text.Json;
using System.Text.Json.Serialization;

namespace Real.Reporting.Audit;

/// <summary>JSON options for explanations: snake_case, enums as strings, indented, nulls kept (a missing verdict is explicit).</summary>
public static class ExplainJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
