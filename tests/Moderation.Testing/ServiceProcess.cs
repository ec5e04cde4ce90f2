using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Moderation.Testing;

/// <summary>
/// One service run the way an operator runs it: its own OS process (the service's executable beside the test
/// assembly), configured by command-line settings, on a free loopback port. Its console output is kept for the test.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private ServiceProcess(string name, Process process, ConcurrentQueue<string> output, Uri address)
    {
        Name = name;
        this.process = process;
        this.output = output;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Lines the service wrote to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>Starts <paramref name="name"/> (e.g. <c>Moderation.Ingestion</c>) and waits until <c>/health/live</c> answers.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, name);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: the test project must reference {name}.");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.ArgumentList.Add($"--urls={address}");
        foreach (var (key, value) in settings.Where(setting => setting.Value is not null))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(name, process, output, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{string.Join('\n', output.TakeLast(40))}");
            }

            try
            {
                using var live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await service.DisposeAsync();
        throw new TimeoutException($"{name} did not answer /health/live within 90 s:\n{string.Join('\n', output.TakeLast(40))}");
    }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }
}
