using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>A host that trusts no proxy ignores forwarded headers: a client cannot claim HTTPS or another address.</summary>
public sealed class ForwardedHeaderTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"moderation-forwarded-{Guid.NewGuid():N}");
    private RunningService _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await RunningService.StartAsync(Moderation.Host.Program.Build, new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "moderation.db"),
            ["Review:BootstrapAdmin:Username"] = ReviewHost.AdminUsername,
            ["Review:BootstrapAdmin:Password"] = ReviewHost.AdminPassword,
            ["Review:SignInFailuresPerAddressPerMinute"] = "2",
            ["Sites:forwarded:ApiKeys:0"] = "forwarded-key-0001",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_peer_change_neither_the_scheme_nor_the_client_address()
    {
        using var client = ConsoleClient.Anonymous(_host.Address);
        await client.RefreshTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/review/auth/sign-in")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { username = ReviewHost.AdminUsername, password = ReviewHost.AdminPassword }),
        };
        request.Headers.Add("X-CSRF-TOKEN", client.Token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var signIn = await client.Http.SendAsync(request);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("moderation.review=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);

        // Two failures fill this address's budget, whatever X-Forwarded-For each request claims.
        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var guesser = ConsoleClient.Anonymous(_host.Address, forwardedFor: $"192.0.2.{i}");
            await guesser.RefreshTokenAsync();
            using var response = await guesser.PostAsync("/v1/review/auth/sign-in", new { username = $"guess-{i}", password = "password-guess-0001" });
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal([401, 401, 429], codes);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
