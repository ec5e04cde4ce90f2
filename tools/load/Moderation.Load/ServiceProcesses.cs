using System.Diagnostics;
using System.Globalization;

namespace Moderation.Load;

/// <summary>
/// The system under load, started as an operator would: the built service DLLs as separate processes on RabbitMQ, each
/// with its own SQLite file (or the composed host on its in-memory bus), all stopped when disposed.
/// </summary>
public sealed class ServiceProcesses : IAsyncDisposable
{
    public const string SiteId = "load";
    public const string ApiKey = "load-site-key-0001";

    private readonly List<(string Name, Process Process)> processes = [];
    private readonly List<Service> services = [];
    private readonly string folder;

    private ServiceProcesses(string folder) => this.folder = folder;

    public Uri IngestionAddress { get; private set; } = null!;

    /// <summary>The SQLite file holding the comments' status (Ingestion's, or the composed host's).</summary>
    public string StatusDatabase { get; private set; } = null!;

    public string Describe { get; private set; } = "";

    /// <summary>Every process started, with where it listens.</summary>
    public IReadOnlyList<Service> Services => services;

    public sealed record Service(string Name, int Pid, Uri Address);

    public static async Task<ServiceProcesses> StartAsync(LoadOptions options)
    {
        var system = new ServiceProcesses(Directory.CreateTempSubdirectory("moderation-load-").FullName);
        try
        {
            await system.StartAllAsync(options);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(LoadOptions options)
    {
        var port = options.BasePort;
        if (options.Mode == "composed")
        {
            StatusDatabase = Path.Combine(folder, "host.db");
            IngestionAddress = await StartAsync(options, "Moderation.Host", "host", port, StatusDatabase, []);
            Describe = "composed host (in-memory bus, one SQLite file)";
            return;
        }

        string[] rabbit = ["--Messaging:Transport=RabbitMq", $"--Messaging:RabbitMqUri={options.RabbitMqUri}"];
        StatusDatabase = Path.Combine(folder, "ingestion.db");
        IngestionAddress = await StartAsync(options, "Moderation.Ingestion", "ingestion", port, StatusDatabase, rabbit);
        for (var i = 0; i < options.Workers; i++)
        {
            await StartAsync(options, "Moderation.Worker", $"worker-{i}", port + 1 + i, Path.Combine(folder, $"worker-{i}.db"), rabbit);
        }

        await StartAsync(options, "Moderation.Publishing", "publishing", port + 1 + options.Workers, Path.Combine(folder, "publishing.db"), rabbit);
        await StartAsync(options, "Moderation.Review", "review", port + 2 + options.Workers, Path.Combine(folder, "review.db"), rabbit);
        Describe = $"distributed: ingestion, {options.Workers} workers, publishing, review as separate processes on RabbitMQ, each on its own SQLite file";
    }

    private async Task<Uri> StartAsync(LoadOptions options, string project, string name, int port, string database, string[] extra)
    {
        var dll = Path.Combine(options.Repository, "services", project, "bin", "Release", "net10.0", $"{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build it first (tools/load/run.sh does).");
        }

        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            dll, $"--urls={address}", $"--Storage:Sqlite:Path={database}",
            $"--Sites:{SiteId}:ApiKeys:0={ApiKey}", $"--Sites:{SiteId}:RequestsPerMinute=100000000", $"--Sites:{SiteId}:ReadsPerMinute=100000000",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        processes.Add((name, process));
        _ = process.StandardOutput.BaseStream.CopyToAsync(Unbuffered(Path.Combine(folder, $"{name}.log")));
        _ = process.StandardError.BaseStream.CopyToAsync(Unbuffered(Path.Combine(folder, $"{name}.err")));

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see {folder}/{name}.log");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    services.Add(new Service(name, process.Id, address));
                    return address;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"{name} was not ready within 90 s; see {folder}/{name}.log");
    }

    private static FileStream Unbuffered(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        if (Environment.GetEnvironmentVariable("LOAD_KEEP_LOGS") is { Length: > 0 })
        {
            Console.WriteLine($"logs kept in {folder}");
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
