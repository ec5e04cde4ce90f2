using System.Globalization;

namespace Moderation.Load;

/// <summary>CPU time a process has used so far (user + system), read from <c>/proc/{pid}/stat</c>; null where there is no procfs.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    public static double? Seconds(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var stat = File.ReadAllText(path);

            // The command name (field 2) may hold spaces; the fields counted from its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (user + system) / TicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The broker's process, from the pid file RabbitMQ was started with (<c>RABBITMQ_PID_FILE</c>), if any.</summary>
    public static int? BrokerPid()
    {
        var file = Environment.GetEnvironmentVariable("RABBITMQ_PID_FILE");
        return file is not null && File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }
}
