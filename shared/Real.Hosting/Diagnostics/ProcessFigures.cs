using System.Diagnostics;
using System.Globalization;

namespace Real.Hosting.Diagnostics;

/// <summary>The process and machine figures every benchmark prints beside its result, so a reader can judge it.</summary>
public static class ProcessFigures
{
    /// <summary>The process's peak resident set in MB (VmHWM on Linux).</summary>
    public static double PeakRssMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Math.Round(process.PeakWorkingSet64 / 1048576.0, 1);
    }

    /// <summary>CPU seconds the process has used so far (user + system, all threads).</summary>
    public static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The 1-minute load average, or -1 where /proc/loadavg cannot be read.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }
}
