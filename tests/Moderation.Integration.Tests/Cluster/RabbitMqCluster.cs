using System.Diagnostics;
using System.Text.Json.Nodes;
using Moderation.Testing;

namespace Moderation.Integration.Tests.Cluster;

/// <summary>
/// The three-node RabbitMQ cluster of <c>tools/rabbitmq-cluster/cluster.sh</c> (nodes on 5713, 5723, 5733), driven
/// from the tests: start, kill -9 a node, start it again, ask which node leads a quorum queue.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    public static readonly string Script = RepositoryFiles.PathOf("tools", "rabbitmq-cluster", "cluster.sh");

    private static readonly int[] Ports = [5713, 5723, 5733];

    private bool started;

    /// <summary>Why this machine cannot run the cluster, or null when it can.</summary>
    public static string? CannotRun()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "The broker-cluster test starts three RabbitMQ nodes with tools/rabbitmq-cluster/cluster.sh, which needs root (tools/test.sh runs as root).";
        }

        return File.Exists("/usr/sbin/rabbitmq-server")
            ? null
            : "rabbitmq-server is not installed: tools/test.sh installs it (apt-get install -y rabbitmq-server).";
    }

    public static int NodeCount => Ports.Length;

    public string Uri => $"amqp://guest:guest@localhost:{Ports[0]}/";

    /// <summary>The settings that put a service on this cluster, with quorum queues.</summary>
    public IReadOnlyDictionary<string, string?> Settings() =>
        new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = Uri,
            ["Messaging:QuorumQueues"] = "true",
        }
        .Concat(Ports.Select((port, index) => KeyValuePair.Create($"Messaging:RabbitMqNodes:{index}", (string?)$"localhost:{port}")))
        .ToDictionary();

    public async Task StartAsync()
    {
        started = true;
        await RunAsync("stop");
        await RunAsync("start");
    }

    public Task KillAsync(int node) => RunAsync("kill", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task RestartAsync(int node) => RunAsync("restart", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The node (1-3) that leads quorum queue <paramref name="queue"/>.</summary>
    public async Task<int> LeaderAsync(string queue)
    {
        var leader = (await RunAsync("leader", queue)).Trim();
        return Enumerable.Range(1, NodeCount).Single(node => leader == NodeName(node));
    }

    /// <summary>The nodes (1-3) the cluster reports running.</summary>
    public async Task<IReadOnlyList<int>> RunningNodesAsync()
    {
        foreach (var node in Enumerable.Range(1, NodeCount))
        {
            try
            {
                var status = JsonNode.Parse(await CtlAsync(node, "cluster_status", "--formatter", "json"))!;
                var running = status["running_nodes"]!.AsArray().Select(name => name!.GetValue<string>()).ToHashSet();
                return [.. Enumerable.Range(1, NodeCount).Where(candidate => running.Contains(NodeName(candidate)))];
            }
            catch (InvalidOperationException)
            {
            }
        }

        return [];
    }

    /// <summary>Name and type of each queue, e.g. <c>moderate-comment</c> → <c>quorum</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync(int node) =>
        (await CtlAsync(node, "list_queues", "--no-table-headers", "name", "type"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(columns => columns.Length >= 2)
            .ToDictionary(columns => columns[0], columns => columns[^1]);

    /// <summary>Messages waiting or unacknowledged in <paramref name="queue"/>, as a running node reports them.</summary>
    public async Task<int> CountUnfinishedAsync(int node, string queue)
    {
        var row = (await CtlAsync(node, "list_queues", "--no-table-headers", "name", "messages"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' '))
            .FirstOrDefault(columns => columns[0] == queue);
        return row is null ? 0 : int.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string NodeName(int node) => $"moderation-cluster-{node}@localhost";

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await RunAsync("stop");
        }
    }

    private static Task<string> CtlAsync(int node, params string[] arguments) =>
        ExecAsync("rabbitmqctl", ["-q", "-n", NodeName(node), .. arguments]);

    private static Task<string> RunAsync(params string[] arguments) => ExecAsync("bash", [Script, .. arguments]);

    private static async Task<string> ExecAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);

        // The cluster's nodes must not take the environment of another broker this test run uses.
        foreach (var variable in start.Environment.Keys.Where(key => key.StartsWith("RABBITMQ_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{stdout}");
        }

        return stdout;
    }
}
