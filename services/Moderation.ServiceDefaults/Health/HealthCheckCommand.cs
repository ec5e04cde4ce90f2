namespace Moderation.ServiceDefaults.Health;

/// <summary>
/// <c>dotnet Service.dll --health-check</c>: asks the running service's readiness endpoint and exits 0 or 1.
/// Container images have no curl, so the Dockerfile HEALTHCHECK calls this.
/// </summary>
public static class HealthCheckCommand
{
    public const string Argument = "--health-check";

    public static bool IsRequested(string[] args) => args.Contains(Argument);

    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/health/ready");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"health check failed: {exception.Message}");
            return 1;
        }
    }
}
