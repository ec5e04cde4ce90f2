using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Rules;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// The rule quality page names rules as the rules engine does: comments flagged by the real default pack through the
/// whole pipeline, decided by a moderator, show up under rule ids that are each a rule of the pack the engine runs.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class RuleQualityRuleIdTests(ReviewHost host)
{
    private const string Site = "api-rule-ids";

    [Fact]
    public async Task Every_rule_id_on_the_rule_quality_page_is_a_rule_of_the_pack_the_engine_runs()
    {
        var article = $"ids-{Guid.NewGuid():N}"[..16];
        var site = host.Site(Site);
        using var console = await host.SignInAsync(await host.CreateModeratorAsync("ruleids", Site));
        string[] bodies =
        [
            "Read the real story at https://example.org/story",
            "You stupid idiot, go kill yourself",
            "Cheap watches here https://shop.example/watches buy now",
            "You are a moron and an idiot",
        ];
        var flagged = new List<Guid>();
        foreach (var (body, index) in bodies.Select((body, index) => (body, index)))
        {
            var comment = new { author = new { id = $"ids-{index}", name = "Reader" }, body, parentId = (string?)null, authorSignals = new { accountAgeDays = 1 } };
            using var response = await site.PostAsync(article, comment);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
            if ((await site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>() == "flagged")
            {
                flagged.Add(id);
            }
        }

        Assert.True(flagged.Count >= 2, $"the default pack flagged {flagged.Count} of the {bodies.Length} comments");
        var hitRules = new HashSet<string>();
        foreach (var (id, index) in flagged.Select((id, index) => (id, index)))
        {
            await Eventually.MatchesAsync(() => console.GetStatusAsync($"/v1/review/items/{id}"), code => code == 200, $"item {id} queued");
            var detail = await console.GetJsonAsync($"/v1/review/items/{id}");
            hitRules.UnionWith(detail["hits"]!.AsArray().Select(h => h!["rule"]!.GetValue<string>()));
            using var decided = await console.PostAsync($"/v1/review/items/{id}/{(index % 2 == 0 ? "approve" : "reject")}", index % 2 == 0 ? new { } : new { reason = "spam" });
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var engineRules = host.Host.Services.GetRequiredService<IRuleSetProvider>().ForSite(Site).Rules.Select(rule => rule.Id).ToHashSet();
        var quality = await Eventually.MatchesAsync(
            () => console.GetJsonAsync($"/v1/review/sites/{Site}/rule-quality"),
            q => q["windows"]!.AsArray().All(w => w!["rules"]!.AsArray().Count > 0),
            "the decided comments on the rule quality page");
        var shown = quality["windows"]!.AsArray()
            .SelectMany(w => w!["rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()))
            .ToHashSet();
        Assert.True(shown.Count >= 2, $"rules shown: {string.Join(", ", shown)}");
        Assert.Subset(engineRules, shown);
        Assert.Equal(hitRules, shown);
    }
}
