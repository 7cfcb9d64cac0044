using Spectre.Console;
using Spectre.Console.Cli;

namespace Real.Cli;

/// <summary>Turns expected failures (bad input, missing files, wrong options) into one clear line and exit code 2.</summary>
public static class CliErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is CommandAppException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UserFacingException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }
    }
}
