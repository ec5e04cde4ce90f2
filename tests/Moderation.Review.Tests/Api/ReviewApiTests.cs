using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>The review API through the composed host: sign-in, leases, decisions, audit, per-site isolation, CSRF, admin.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ReviewApiTests(ReviewHost host)
{
    private const string SiteA = "api-a";
    private const string SiteB = "api-b";

    private static string Article() => $"article-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task Sign_in_refuses_a_wrong_password_and_is_rate_limited_per_username()
    {
        var username = await host.CreateModeratorAsync("limited", SiteA);
        using var client = ConsoleClient.Anonymous(host.Host.Address);
        await client.RefreshTokenAsync();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsync("/v1/review/auth/sign-in", new { username, password = "wrong-password-123" });
            codes.Add(response.StatusCode);
        }

        Assert.All(codes.Take(5), code => Assert.Equal(HttpStatusCode.Unauthorized, code));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[5]);
        Assert.Equal(401, await client.GetStatusAsync("/v1/review/me"));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var username = await host.CreateModeratorAsync("cookie", SiteA);
        using var client = ConsoleClient.Anonymous(host.Host.Address);
        await client.RefreshTokenAsync();

        using var response = await client.PostAsync("/v1/review/auth/sign-in", new { username, password = ReviewHost.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("moderation.review=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_state_change_without_the_antiforgery_token_is_refused()
    {
        var id = await host.SubmitFlaggedAsync(SiteA, Article(), "See https://example.org/csrf for the proof");
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("csrf", SiteA));

        using var refused = await ann.PostAsync($"/v1/review/items/{id}/approve", new { }, withToken: false);
        ann.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "forged");
        using var forged = await ann.PostAsync($"/v1/review/items/{id}/approve", new { }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("pending", (await host.Admin.GetJsonAsync($"/v1/review/items/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_moderator_of_site_A_gets_404_for_everything_of_site_B()
    {
        var itemOfB = await host.SubmitFlaggedAsync(SiteB, Article(), "Site B only: https://example.org/b");
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("site-a", SiteA));

        Assert.Equal(404, await ann.GetStatusAsync($"/v1/review/items/{itemOfB}"));
        Assert.Equal(404, await ann.GetStatusAsync($"/v1/review/sites/{SiteB}/queue"));
        Assert.Equal(404, await ann.GetStatusAsync($"/v1/review/sites/{SiteB}/events"));
        Assert.Equal(404, await ann.GetStatusAsync($"/v1/review/audit?site={SiteB}"));
        foreach (var action in new[] { "claim", "release", "approve" })
        {
            using var response = await ann.PostAsync($"/v1/review/items/{itemOfB}/{action}", new { });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var reject = await ann.PostAsync($"/v1/review/items/{itemOfB}/reject", new { reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        using var claimNext = await ann.PostAsync($"/v1/review/sites/{SiteB}/claim-next");
        Assert.Equal(HttpStatusCode.NotFound, claimNext.StatusCode);

        var sites = await ann.GetJsonAsync("/v1/review/sites");
        Assert.Equal([SiteA], sites.AsArray().Select(site => site!["siteId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_leased_item_is_refused_to_another_moderator_until_released()
    {
        var article = Article();
        var id = await host.SubmitFlaggedAsync(SiteA, article, "Lease me https://example.org/lease");
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("ann", SiteA));
        using var bob = await host.SignInAsync(await host.CreateModeratorAsync("bob", SiteA));

        var claimed = await ann.PostJsonAsync($"/v1/review/sites/{SiteA}/claim-next?article={article}");
        Assert.Equal(id, claimed["id"]!.GetValue<Guid>());

        using var bobClaim = await bob.PostAsync($"/v1/review/items/{id}/claim");
        using var bobApprove = await bob.PostAsync($"/v1/review/items/{id}/approve", new { });
        using var bobNext = await bob.PostAsync($"/v1/review/sites/{SiteA}/claim-next?article={article}");
        Assert.Equal(HttpStatusCode.Conflict, bobClaim.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, bobApprove.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bobNext.StatusCode);

        using var release = await ann.PostAsync($"/v1/review/items/{id}/release");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        Assert.Equal(id, (await bob.PostJsonAsync($"/v1/review/items/{id}/claim"))["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Approving_publishes_the_comment_to_the_read_api_and_records_the_audit_entry()
    {
        var article = Article();
        var id = await host.SubmitFlaggedAsync(SiteA, article, "Worth reading: https://example.org/approve");
        var moderator = await host.CreateModeratorAsync("approver", SiteA);
        using var ann = await host.SignInAsync(moderator);

        var approved = await ann.PostJsonAsync($"/v1/review/items/{id}/approve", new { });
        Assert.Equal("approved", approved["status"]!.GetValue<string>());

        var site = host.Site(SiteA);
        await Eventually.MatchesAsync(
            () => site.ListAsync(article), page => page["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id), "the approved comment in the read API");
        await Eventually.MatchesAsync(
            () => site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == "approved", "status approved");

        var audit = await ann.GetJsonAsync($"/v1/review/audit?site={SiteA}&moderator={moderator}");
        var entry = Assert.Single(audit["items"]!.AsArray());
        Assert.Equal(id, entry!["commentId"]!.GetValue<Guid>());
        Assert.Equal("approved", entry["outcome"]!.GetValue<string>());
        Assert.NotEmpty(entry["rules"]!.AsArray());

        using var again = await ann.PostAsync($"/v1/review/items/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reject_needs_a_known_reason_and_reject_author_clears_every_pending_comment_of_that_author()
    {
        var article = Article();
        var author = $"spammer-{Guid.NewGuid():N}"[..16];
        var first = await host.SubmitFlaggedAsync(SiteA, article, "Cheap stuff https://example.org/1", author);
        var second = await host.SubmitFlaggedAsync(SiteA, article, "More stuff https://example.org/2", author);
        var moderator = await host.CreateModeratorAsync("rejecter", SiteA);
        using var ann = await host.SignInAsync(moderator);

        using var noReason = await ann.PostAsync($"/v1/review/items/{first}/reject", new { note = "why not" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var result = await ann.PostJsonAsync($"/v1/review/items/{first}/reject-author", new { reason = "spam", note = "link farm" });
        Assert.Equal(new[] { first, second }.Order(), result["rejected"]!.AsArray().Select(id => id!.GetValue<Guid>()).Order());

        var queue = await ann.GetJsonAsync($"/v1/review/sites/{SiteA}/queue?author={author}");
        Assert.Empty(queue["items"]!.AsArray());
        var audit = await ann.GetJsonAsync($"/v1/review/audit?moderator={moderator}");
        Assert.All(audit["items"]!.AsArray(), entry =>
        {
            Assert.Equal("rejected", entry!["outcome"]!.GetValue<string>());
            Assert.Equal("spam", entry["reason"]!.GetValue<string>());
            Assert.Equal("link farm", entry["note"]!.GetValue<string>());
        });
        await Eventually.MatchesAsync(
            () => host.Site(SiteA).GetStatusAsync(second), status => status?["status"]?.GetValue<string>() == "rejected", "status rejected");
    }

    [Fact]
    public async Task An_item_shows_its_hits_parent_and_the_authors_history()
    {
        var article = Article();
        var author = $"regular-{Guid.NewGuid():N}"[..16];
        var site = host.Site(SiteA);
        var earlier = await site.SubmitAsync(article, "An earlier, perfectly fine remark.", author);
        await site.WaitForFinalStatusAsync(earlier);
        var parent = await site.SubmitAsync(article, "The parent comment of the thread.", "someone-else");
        await site.WaitForFinalStatusAsync(parent);
        var body = "Replying with a source https://example.org/source";
        var id = await host.SubmitFlaggedAsync(SiteA, article, body, author, parent.ToString());
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("reader", SiteA));

        var item = await ann.GetJsonAsync($"/v1/review/items/{id}");

        Assert.Equal(article, item["articleId"]!.GetValue<string>());
        var hit = item["hits"]!.AsArray().First(h => h!["category"]!.GetValue<string>() == "link")!;
        Assert.Equal(hit["match"]!.GetValue<string>(), body.Substring(hit["start"]!.GetValue<int>(), hit["length"]!.GetValue<int>()));
        Assert.Equal(parent, item["parent"]!["commentId"]!.GetValue<Guid>());
        var history = item["authorHistory"]!.AsArray();
        Assert.Contains(history, c => c!["commentId"]!.GetValue<Guid>() == earlier && c["outcome"]!.GetValue<string>() == "approved");
        Assert.DoesNotContain(history, c => c!["commentId"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Admin_endpoints_are_for_admins_and_an_api_token_works_without_antiforgery()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("plain", SiteA));
        Assert.Equal(403, await ann.GetStatusAsync("/v1/review/admin/moderators"));

        var created = await host.Admin.PostJsonAsync("/v1/review/admin/tokens", new { name = "nightly report" });
        var token = created["token"]!.GetValue<string>();
        var id = await host.SubmitFlaggedAsync(SiteA, Article(), "Automated https://example.org/token");

        using var automation = host.Host.CreateClient(token);
        using var approve = await automation.PostAsJsonAsync($"/v1/review/items/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/v1/review/admin/moderators")).StatusCode);

        using var siteKey = host.Host.CreateClient(ReviewHost.ApiKey(SiteA));
        Assert.Equal(HttpStatusCode.Unauthorized, (await siteKey.GetAsync("/v1/review/me")).StatusCode);
        using var unknown = host.Host.CreateClient("mrt_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/v1/review/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_at_once_and_granting_a_site_takes_effect_at_once()
    {
        var username = await host.CreateModeratorAsync("temp", SiteA);
        using var session = await host.SignInAsync(username);
        Assert.Equal(404, await session.GetStatusAsync($"/v1/review/sites/{SiteB}/queue"));

        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { sites = new[] { SiteA, SiteB } });
        Assert.Equal(200, await session.GetStatusAsync($"/v1/review/sites/{SiteB}/queue"));

        await host.Admin.SendAsync(HttpMethod.Patch, $"/v1/review/admin/moderators/{username}", new { disabled = true });
        Assert.Equal(401, await session.GetStatusAsync("/v1/review/me"));
    }

    [Fact]
    public async Task The_console_is_served_with_a_strict_content_security_policy_and_the_root_redirects_to_it()
    {
        using var client = ConsoleClient.Anonymous(host.Host.Address);

        using var root = await client.Http.GetAsync("/");
        using var redirect = await client.Http.GetAsync("/console");
        using var page = await client.Http.GetAsync("/console/");
        using var script = await client.Http.GetAsync("/console/console.js");

        Assert.Equal("/console/", root.Headers.Location?.OriginalString);
        Assert.Equal("/console/", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_sent_events_report_a_newly_flagged_comment()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("live", SiteB));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/review/sites/{SiteB}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await ann.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextEventAsync(reader);

        await host.SubmitFlaggedAsync(SiteB, Article(), "Live one https://example.org/live");
        var next = await NextEventAsync(reader);

        Assert.NotEqual(first!["pending"]!.GetValue<long>(), next!["pending"]!.GetValue<long>());
    }

    private static async Task<JsonNode?> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..]);
            }
        }

        return null;
    }
}
