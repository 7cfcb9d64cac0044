using System.Diagnostics;

namespace Real.Hosting.Distributed;

/// <summary>
/// Runs rabbitmqctl (virtual hosts and users have no AMQP operations). REAL_RABBITMQCTL overrides the command line,
/// e.g. "rabbitmqctl -n rabbit2@host" for a second local node.
/// </summary>
public static class Rabbitmqctl
{
    public static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var command = (Environment.GetEnvironmentVariable("REAL_RABBITMQCTL") is { Length: > 0 } custom ? custom : "rabbitmqctl")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1).Append("--quiet").Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"rabbitmqctl is not available ({ex.Message}): install rabbitmq-server (`make prereqs`) and start it (`make services-up`).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"rabbitmqctl {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {(await stderr).Trim()}. Is RabbitMQ running (`make services-up`)?");
            }

            return await stdout;
        }
    }
}
