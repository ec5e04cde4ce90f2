using System.Net;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

/// <summary>The per-site budgets: exact for any value, and reads apart from submissions.</summary>
public sealed class RateLimitTests(ComposedHost host) : IClassFixture<ComposedHost>
{
    [Fact]
    public async Task A_site_polling_status_still_gets_exactly_its_configured_submissions_and_no_more()
    {
        var site = new SiteApiClient(host.Host.CreateClient(ComposedHost.BudgetApiKey), host.Host.CreateClient(ComposedHost.BudgetApiKey), ComposedHost.BudgetSiteId);

        // Polling spends the whole read budget: exactly as many reads as configured, then 429.
        var reads = await CountAsync(ComposedHost.BudgetReadsPerMinute + 5, () => site.ReadHttp.GetAsync($"/v1/comments/{Guid.NewGuid()}"));
        Assert.Equal(ComposedHost.BudgetReadsPerMinute, reads[HttpStatusCode.NotFound]);
        Assert.Equal(5, reads[HttpStatusCode.TooManyRequests]);

        // Submissions have their own budget, untouched by the reads: 61 a minute means 61, not 60.
        var submits = await CountAsync(
            ComposedHost.BudgetWritesPerMinute + 3,
            () => site.PostAsync("budget-article", SiteApiClient.NewComment("Counting the budget.", $"reader-{Guid.NewGuid():N}")));
        Assert.Equal(ComposedHost.BudgetWritesPerMinute, submits[HttpStatusCode.Accepted]);
        Assert.Equal(3, submits[HttpStatusCode.TooManyRequests]);

        // The budget is per minute: seconds later nothing more passes (a bucket refilling per second would let some through).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var later = await CountAsync(5, () => site.PostAsync("budget-article", SiteApiClient.NewComment("Still counting.")));
        Assert.Equal(5, later.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        var laterReads = await CountAsync(5, () => site.ReadHttp.GetAsync($"/v1/comments/{Guid.NewGuid()}"));
        Assert.Equal(5, laterReads.GetValueOrDefault(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Past_the_rate_limit_a_site_gets_429_with_RetryAfter_as_a_problem()
    {
        using var client = host.Host.CreateClient(ComposedHost.LimitedApiKey);
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await client.GetAsync($"/v1/sites/{ComposedHost.LimitedSiteId}/articles/a/comments"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3).Select(response => response.StatusCode));
        var limited = statuses[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        statuses.ForEach(response => response.Dispose());
    }

    /// <summary>Sends <paramref name="count"/> requests, eight at a time, and counts the answers by status.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> CountAsync(int count, Func<Task<HttpResponseMessage>> send)
    {
        var codes = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var response = await send();
            codes.Add(response.StatusCode);
        });
        return codes.GroupBy(code => code).ToDictionary(group => group.Key, group => group.Count());
    }
}
