using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Testing;

/// <summary>One service (or the composed host) started from its own Program on a free loopback port.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds the app with <paramref name="build"/> (a service's <c>Program.Build</c>) from settings passed as
    /// command-line arguments, the way an operator would, and starts it on 127.0.0.1 with a free port.
    /// </summary>
    public static async Task<RunningService> StartAsync(Func<string[], WebApplication> build, IReadOnlyDictionary<string, string?> settings)
    {
        var args = settings
            .Where(setting => setting.Value is not null)
            .Select(setting => $"--{setting.Key}={setting.Value}")
            .Append("--urls=http://127.0.0.1:0")
            .ToArray();
        var app = build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, new Uri(address));
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
