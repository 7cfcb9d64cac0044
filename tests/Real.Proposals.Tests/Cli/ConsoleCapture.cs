using Spectre.Console;

namespace Real.Proposals.Tests.Cli;

/// <summary>
/// Captures what a verb prints to standard output (Console and Spectre's AnsiConsole) and standard error. Console redirection is process-wide, so the
/// tests that use it run in one non-parallel collection.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;
    private readonly StringWriter _capturedOut = new();
    private readonly StringWriter _capturedError = new();
    private readonly IAnsiConsole _ansi = AnsiConsole.Console;

    public ConsoleCapture()
    {
        Console.SetOut(_capturedOut);
        Console.SetError(_capturedError);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_capturedOut), Ansi = AnsiSupport.No });
    }

    public string Out => _capturedOut.ToString();

    public string Error => _capturedError.ToString();

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
        AnsiConsole.Console = _ansi;
    }
}
