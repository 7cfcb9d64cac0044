using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Real.Cli.Commands;

/// <summary>How a bench verb prints its figures: one JSON object (what infra/ci/bench.sh reads) or a table.</summary>
internal static class BenchOutput
{
    public static void Print(IReadOnlyDictionary<string, object> figures, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return;
        }

        var table = new Table().AddColumns("measure", "value");
        foreach (var (key, value) in figures)
        {
            table.AddRow(Markup.Escape(key), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        AnsiConsole.Write(table);
    }
}
