using System.Diagnostics;
using DotNet.Testcontainers.Configurations;
using Testcontainers.RabbitMq;

namespace Moderation.Testing;

/// <summary>
/// A real RabbitMQ for tests: the one <c>RABBITMQ_URI</c> names, else a container when Docker is there, else a clear
/// failure saying how to get one. It can also stop and start the broker, for the tests of what happens meanwhile.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public const string HowToGetOne =
        "No RabbitMQ for the integration tests. Run tools/test.sh (it installs and starts one), or set " +
        "RABBITMQ_URI=amqp://guest:guest@localhost:5672/ after `apt-get install -y rabbitmq-server && rabbitmq-server -detached`, " +
        "or run where a Docker engine is available (Testcontainers starts one).";

    private readonly RabbitMqContainer? container;

    private RabbitMqBroker(string uri, RabbitMqContainer? container, bool canRestart)
    {
        Uri = uri;
        this.container = container;
        CanRestart = canRestart;
    }

    public string Uri { get; }

    /// <summary>Whether the tests can run rabbitmqctl on this broker: stop, start, inspect queues.</summary>
    public bool CanRestart { get; }

    public static async Task<RabbitMqBroker> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RABBITMQ_URI");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var host = new Uri(fromEnvironment).Host;
            var local = host is "localhost" or "127.0.0.1" or "::1" && FindRabbitMqCtl() is not null;
            return new RabbitMqBroker(fromEnvironment, null, local);
        }

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException(HowToGetOne);
        }

        var container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
        await container.StartAsync();
        return new RabbitMqBroker(container.GetConnectionString(), container, canRestart: true);
    }

    /// <summary>Stops the broker application (every connection drops; durable queues and their messages stay).</summary>
    public Task StopAsync() => RabbitMqCtlAsync("stop_app");

    /// <summary>Starts the broker application again after <see cref="StopAsync"/> and waits until it serves.</summary>
    public async Task StartAgainAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    /// <summary>
    /// A virtual host of its own on this broker (queues, exchanges and messages apart from every other test's), and
    /// the URI that reaches it with this broker's user.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var user = Uri.Split("://")[1].Split('@')[0].Split(':')[0];
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, System.Uri.UnescapeDataString(user), ".*", ".*", ".*");
        return new UriBuilder(Uri) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Messages in <paramref name="queue"/> that are waiting or delivered but not yet acknowledged.</summary>
    public async Task<int> CountUnfinishedAsync(string queue)
    {
        var output = await RabbitMqCtlAsync("list_queues", "-q", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged");
        var row = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' '))
            .FirstOrDefault(columns => columns[0] == queue);
        return row is null ? 0 : int.Parse(row[^2], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private async Task<string> RabbitMqCtlAsync(params string[] arguments)
    {
        var command = string.Join(' ', arguments);
        if (!CanRestart)
        {
            throw new InvalidOperationException("This broker cannot be restarted from the tests.");
        }

        if (container is not null)
        {
            var result = await container.ExecAsync(["rabbitmqctl", .. arguments]);
            Assert.True(result.ExitCode == 0, $"rabbitmqctl {command} failed: {result.Stderr}");
            return result.Stdout;
        }

        var start = new ProcessStartInfo(FindRabbitMqCtl()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {await stderr}");
        return stdout;
    }

    private static string? FindRabbitMqCtl() =>
        new[] { "/usr/sbin/rabbitmqctl", "/usr/lib/rabbitmq/bin/rabbitmqctl", "/usr/local/sbin/rabbitmqctl" }
            .FirstOrDefault(File.Exists);
}
