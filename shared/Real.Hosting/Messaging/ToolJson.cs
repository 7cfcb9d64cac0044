using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Real.Hosting.Messaging;

/// <summary>The plain JSON external tools speak: camelCase names, enums as lowercase strings, no MassTransit envelope.</summary>
public static class ToolJson
{
    public static ContentType ContentType { get; } = new("application/json");

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
