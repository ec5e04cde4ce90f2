using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Moderation.Testing;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c> package; <c>tools/test.sh</c> installs it) scraping the given
/// targets every second, on a free loopback port, with its data in a temporary folder. Queried over its HTTP API.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string HowToGetOne = "Prometheus is not installed: run tools/test.sh, or `apt-get install -y prometheus`.";

    private readonly Process process;
    private readonly string folder;
    private readonly HttpClient client;

    private PrometheusServer(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public static string? FindBinary() =>
        new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists);

    public static async Task<PrometheusServer> StartAsync(IEnumerable<Uri> targets)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(HowToGetOne);
        var folder = Path.Combine(Path.GetTempPath(), $"moderation-prometheus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: moderation
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(target => $"'{target.Authority}'"))}]
            """);

        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(folder, "data")}");
        start.ArgumentList.Add($"--web.listen-address={address.Authority}");
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, folder, address);
        await Eventually.MatchesAsync(
            async () =>
            {
                try
                {
                    using var ready = await server.client.GetAsync("/-/ready");
                    return ready.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ready => ready || process.HasExited,
            "Prometheus to be ready");
        Assert.False(process.HasExited, "Prometheus exited at start");
        return server;
    }

    /// <summary>An instant PromQL query: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var response = await client.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(json["status"]!.GetValue<string>() == "success", $"Prometheus rejected {promql}: {json}");
        return json["data"]!["result"]!.AsArray()
            .Select(series => (
                (IReadOnlyDictionary<string, string>)series!["metric"]!.AsObject().ToDictionary(label => label.Key, label => label.Value!.GetValue<string>()),
                double.Parse(series["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>How many scrape targets Prometheus sees up.</summary>
    public async Task<int> TargetsUpAsync() => (int)(await QueryAsync("sum(up)")).Sum(series => series.Value);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
