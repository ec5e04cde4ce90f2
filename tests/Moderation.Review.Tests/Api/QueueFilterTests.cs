using System.Net;
using System.Text.Json.Nodes;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>Counts per category, rule and article; the rule, text and order filters; waiting time; per-site reasons and the message to the commenter.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class QueueFilterTests(ReviewHost host)
{
    private const string CountsSite = "api-counts";

    private static RuleHit Hit(string rule, string category, string body, string match)
    {
        var start = body.IndexOf(match, StringComparison.Ordinal);
        return new RuleHit(rule, category, "low", start, match.Length, match);
    }

    private static List<string> Ids(JsonNode queue) => [.. queue["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    private static long CountOf(JsonNode counts, string kind, string key) =>
        counts[kind]!.AsArray().SingleOrDefault(entry => entry!["key"]!.GetValue<string>() == key)?["count"]!.GetValue<long>() ?? 0;

    [Fact]
    public async Task Counts_per_category_rule_and_article_and_the_rule_text_and_newest_filters_list_what_they_say()
    {
        var storyA = $"story-a-{Guid.NewGuid():N}"[..16];
        var storyB = $"story-b-{Guid.NewGuid():N}"[..16];
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        const string linkBody = "Read https://example.org/a and https://example.org/b";
        var twoLinks = await host.QueueOneAsync(CountsSite, storyA, linkBody, new CommentAuthor("c1", "Carla"),
            [Hit("link.any", "link", linkBody, "https://example.org/a"), Hit("link.any", "link", linkBody, "https://example.org/b"),
             Hit("spam.bare-link", "spam", linkBody, "https://example.org/a")], start);
        const string insultBody = "You are an idiot (x+y) said the Zebra";
        var insult = await host.QueueOneAsync(CountsSite, storyA, insultBody, new CommentAuthor("c2", "Dario"),
            [Hit("insult.person", "insult", insultBody, "idiot")], start.AddMinutes(1));
        const string otherBody = "Spam at https://example.org/c";
        var other = await host.QueueOneAsync(CountsSite, storyB, otherBody, new CommentAuthor("c3", "ZEBRA fan"),
            [Hit("link.any", "link", otherBody, "https://example.org/c")], start.AddMinutes(2));
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("counts", CountsSite));

        var counts = await ann.GetJsonAsync($"/v1/review/sites/{CountsSite}/counts");
        Assert.Equal(3, counts["pending"]!.GetValue<long>());
        Assert.Equal(start, counts["oldestQueuedAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, CountOf(counts, "categories", "link")); // two link hits on one comment count it once
        Assert.Equal(1, CountOf(counts, "categories", "spam"));
        Assert.Equal(1, CountOf(counts, "categories", "insult"));
        Assert.Equal(2, CountOf(counts, "rules", "link.any"));
        Assert.Equal(1, CountOf(counts, "rules", "spam.bare-link"));
        Assert.Equal(2, CountOf(counts, "articles", storyA));
        Assert.Equal(1, CountOf(counts, "articles", storyB));
        Assert.Equal("link", counts["categories"]![0]!["key"]!.GetValue<string>()); // most first

        var queue = $"/v1/review/sites/{CountsSite}/queue";
        Assert.Equal([twoLinks.ToString()], Ids(await ann.GetJsonAsync($"{queue}?rule=spam.bare-link")));
        Assert.Equal([twoLinks.ToString(), other.ToString()], Ids(await ann.GetJsonAsync($"{queue}?rule=link.any")));
        Assert.Equal([insult.ToString(), other.ToString()], Ids(await ann.GetJsonAsync($"{queue}?q=zebra"))); // body or author name, any case
        Assert.Equal([insult.ToString()], Ids(await ann.GetJsonAsync($"{queue}?q={Uri.EscapeDataString("(x+y)")}"))); // literally
        Assert.Empty(Ids(await ann.GetJsonAsync($"{queue}?q={Uri.EscapeDataString("x.y")}")));
        Assert.Equal([other.ToString()], Ids(await ann.GetJsonAsync($"{queue}?rule=link.any&article={storyB}")));
        Assert.Equal([other.ToString(), insult.ToString(), twoLinks.ToString()], Ids(await ann.GetJsonAsync($"{queue}?order=newest")));
        Assert.Equal([twoLinks.ToString(), insult.ToString(), other.ToString()], Ids(await ann.GetJsonAsync($"{queue}?order=oldest")));

        var first = (await ann.GetJsonAsync($"{queue}?rule=spam.bare-link"))["items"]![0]!;
        Assert.Equal(["link.any", "spam.bare-link"], first["rules"]!.AsArray().Select(rule => rule!.GetValue<string>()));
        Assert.InRange(first["waitingSeconds"]!.GetValue<long>(), 30 * 60 - 5, 30 * 60 + 600);

        var claimed = await ann.PostJsonAsync($"/v1/review/sites/{CountsSite}/claim-next?rule=insult.person");
        Assert.Equal(insult, claimed["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Bad_filters_are_a_400_and_another_sites_counts_a_404()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("badfilter", CountsSite));

        Assert.Equal(400, await ann.GetStatusAsync($"/v1/review/sites/{CountsSite}/queue?order=random"));
        Assert.Equal(400, await ann.GetStatusAsync($"/v1/review/sites/{CountsSite}/queue?q={new string('q', 201)}"));
        using var claim = await ann.PostAsync($"/v1/review/sites/{CountsSite}/claim-next?order=random");
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Equal(404, await ann.GetStatusAsync("/v1/review/sites/api-b/counts"));
        Assert.Equal(404, await ann.GetStatusAsync("/v1/review/sites/api-b/reasons"));
    }

    [Fact]
    public async Task A_site_rejects_with_its_own_reasons_and_the_message_to_the_commenter_reaches_the_sites_status_api()
    {
        var site = ReviewHost.DeskSite;
        var id = await host.SubmitFlaggedAsync(site, $"desk-{Guid.NewGuid():N}"[..16], "My blog says otherwise: https://example.org/desk");
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("desk", site));

        var reasons = await ann.GetJsonAsync($"/v1/review/sites/{site}/reasons");
        Assert.Equal(["off-brand", "spoiler"], reasons.AsArray().Select(reason => reason!["code"]!.GetValue<string>()));
        var defaults = await ann.GetJsonAsync("/v1/review/reasons");
        Assert.Contains("spam", defaults.AsArray().Select(reason => reason!["code"]!.GetValue<string>()));

        using var builtIn = await ann.PostAsync($"/v1/review/items/{id}/reject", new { reason = "spam" });
        using var tooLong = await ann.PostAsync($"/v1/review/items/{id}/reject", new { reason = "spoiler", message = new string('m', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, builtIn.StatusCode);
        Assert.Contains("off-brand", await builtIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        const string message = "Please leave the ending for others to find.";
        await ann.PostJsonAsync($"/v1/review/items/{id}/reject", new { reason = "spoiler", note = "third time today", message });

        var item = await ann.GetJsonAsync($"/v1/review/items/{id}");
        Assert.Equal(message, item["review"]!["messageToAuthor"]!.GetValue<string>());

        // The message travels in CommentRejected: the Ingestion status (fed by that event) shows it to the site.
        var status = await Eventually.MatchesAsync(
            () => host.Site(site).GetStatusAsync(id),
            node => node?["status"]?.GetValue<string>() == "rejected" && node["review"] is not null,
            $"comment {id} rejected in the site's status API");
        Assert.Equal(message, status!["review"]!["messageToAuthor"]!.GetValue<string>());
        Assert.Equal("spoiler: third time today", status["review"]!["reason"]!.GetValue<string>());
    }
}
