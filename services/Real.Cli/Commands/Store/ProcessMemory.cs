using System.Diagnostics;
using System.Globalization;

namespace Real.Cli.Commands.Store;

/// <summary>Peak resident memory of this process (Linux VmHWM, else the peak working set), and a way to restart the peak.</summary>
internal static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    public static double PeakRssMegabytes()
    {
        if (File.Exists(Status))
        {
            var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024.0;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs), so a later reading covers one phase only. False when unsupported.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
