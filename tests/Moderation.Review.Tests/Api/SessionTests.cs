using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>Sessions held on the server, sign-in throttling, password changes and forwarded headers.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SessionTests(ReviewHost host)
{
    private const string Site = "api-a";
    private const string NewPassword = "a-brand-new-password-0002";

    private static string SessionCookie(ConsoleClient client) =>
        client.Cookies.GetCookies(client.Http.BaseAddress!).Single(cookie => cookie.Name == "moderation.review").Value;

    private async Task<int> StatusWithCookieAsync(string cookie, string path)
    {
        using var replay = host.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"moderation.review={cookie}");
        using var response = await replay.SendAsync(request);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_replayed_cookie_is_refused()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("signout", Site));
        var cookie = SessionCookie(ann);
        Assert.Equal(200, await StatusWithCookieAsync(cookie, "/v1/review/me"));

        using var signOut = await ann.PostAsync("/v1/review/auth/sign-out");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(401, await ann.GetStatusAsync("/v1/review/me"));
        Assert.Equal(401, await StatusWithCookieAsync(cookie, "/v1/review/me"));
    }

    [Fact]
    public async Task Changing_ones_own_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var username = await host.CreateModeratorAsync("own-pw", Site);
        using var desk = await host.SignInAsync(username);
        using var laptop = await host.SignInAsync(username);

        using var wrong = await desk.PostAsync("/v1/review/me/password", new { currentPassword = "not-my-password-000", newPassword = NewPassword });
        using var tooShort = await desk.PostAsync("/v1/review/me/password", new { currentPassword = ReviewHost.Password, newPassword = "short" });
        using var changed = await desk.PostAsync("/v1/review/me/password", new { currentPassword = ReviewHost.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(200, await desk.GetStatusAsync("/v1/review/me"));
        Assert.Equal(401, await laptop.GetStatusAsync("/v1/review/me"));
        using var fresh = ConsoleClient.Anonymous(host.Host.Address);
        await fresh.RefreshTokenAsync();
        using var old = await fresh.PostAsync("/v1/review/auth/sign-in", new { username, password = ReviewHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        (await host.SignInAsync(username, NewPassword)).Dispose();
    }

    [Fact]
    public async Task An_admin_reset_sets_the_password_and_ends_every_session_of_the_account()
    {
        var username = await host.CreateModeratorAsync("reset-pw", Site);
        using var session = await host.SignInAsync(username);
        using var plain = await host.SignInAsync(await host.CreateModeratorAsync("not-admin", Site));

        using var refused = await plain.PostAsync($"/v1/review/admin/moderators/{username}/password", new { newPassword = NewPassword });
        using var unknown = await host.Admin.PostAsync("/v1/review/admin/moderators/nobody-at-all/password", new { newPassword = NewPassword });
        using var reset = await host.Admin.PostAsync($"/v1/review/admin/moderators/{username}/password", new { newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(401, await session.GetStatusAsync("/v1/review/me"));
        (await host.SignInAsync(username, NewPassword)).Dispose();
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_for_good()
    {
        var username = await host.CreateModeratorAsync("disable", Site);
        using var session = await host.SignInAsync(username);
        var cookie = SessionCookie(session);

        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { disabled = true });
        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { disabled = false });

        Assert.Equal(401, await StatusWithCookieAsync(cookie, "/v1/review/me"));
    }

    [Fact]
    public async Task An_open_live_stream_ends_when_its_moderator_loses_the_site_or_signs_out()
    {
        var username = await host.CreateModeratorAsync("stream", Site);
        using var ann = await host.SignInAsync(username);
        using var lost = await OpenStreamAsync(ann);
        Assert.Equal("queue", await NextEventNameAsync(lost));

        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { sites = new[] { "api-b" } });
        Assert.Equal("ended", await NextEventNameAsync(lost));

        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { sites = new[] { Site } });
        using var signedOut = await OpenStreamAsync(ann);
        Assert.Equal("queue", await NextEventNameAsync(signedOut));
        using var tab = ConsoleClient.Anonymous(host.Host.Address);
        tab.Cookies.Add(host.Host.Address, new Cookie("moderation.review", SessionCookie(ann)));
        await tab.RefreshTokenAsync();
        using var signOut = await tab.PostAsync("/v1/review/auth/sign-out");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal("ended", await NextEventNameAsync(signedOut));
    }

    [Fact]
    public async Task Unknown_usernames_answer_as_slowly_as_wrong_passwords()
    {
        var username = await host.CreateModeratorAsync("timing", Site);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            // Each attempt from its own address and below the account's failure limit, so the throttle never answers.
            known.Add(await TimeSignInAsync(username, $"198.51.100.{i}"));
            unknown.Add(await TimeSignInAsync($"nobody-{Guid.NewGuid():N}"[..20], $"198.51.100.{100 + i}"));
        }

        var knownMedian = known.Order().ElementAt(2);
        var unknownMedian = unknown.Order().ElementAt(2);
        Assert.True(unknownMedian > knownMedian / 3, $"unknown user {unknownMedian:F1} ms, wrong password {knownMedian:F1} ms");
    }

    [Fact]
    public async Task The_right_password_is_never_throttled_by_earlier_successes()
    {
        var username = await host.CreateModeratorAsync("often", Site);
        for (var i = 0; i < 8; i++)
        {
            (await host.SignInAsync(username)).Dispose();
        }
    }

    [Fact]
    public async Task Spraying_usernames_from_one_client_is_slowed_while_another_client_behind_the_same_proxy_signs_in()
    {
        var username = await host.CreateModeratorAsync("colleague", Site);
        using var sprayer = ConsoleClient.Anonymous(host.Host.Address, forwardedFor: "203.0.113.66");
        await sprayer.RefreshTokenAsync();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i <= ReviewHost.AddressFailuresPerMinute; i++)
        {
            using var response = await sprayer.PostAsync("/v1/review/auth/sign-in", new { username = $"guess-{i}", password = "password-guess-0001" });
            codes.Add(response.StatusCode);
        }

        Assert.All(codes.SkipLast(1), code => Assert.Equal(HttpStatusCode.Unauthorized, code));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);

        using var colleague = ConsoleClient.Anonymous(host.Host.Address, forwardedFor: "203.0.113.67");
        await colleague.RefreshTokenAsync();
        using var signIn = await colleague.PostAsync("/v1/review/auth/sign-in", new { username, password = ReviewHost.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_the_session_cookie_is_secure()
    {
        var username = await host.CreateModeratorAsync("secure", Site);
        using var client = ConsoleClient.Anonymous(host.Host.Address);
        await client.RefreshTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/review/auth/sign-in")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { username, password = ReviewHost.Password }),
        };
        request.Headers.Add("X-CSRF-TOKEN", client.Token);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.Http.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("moderation.review=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<double> TimeSignInAsync(string username, string address)
    {
        using var client = ConsoleClient.Anonymous(host.Host.Address, forwardedFor: address);
        await client.RefreshTokenAsync();
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/v1/review/auth/sign-in", new { username, password = "a-wrong-password-0001" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<StreamReader> OpenStreamAsync(ConsoleClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/review/sites/{Site}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new StreamReader(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<string?> NextEventNameAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }

        return null;
    }
}
