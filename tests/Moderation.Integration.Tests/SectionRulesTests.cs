using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Rules;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class SectionRulesTests(DistributedSystem system)
{
    [Fact]
    public async Task A_comment_sent_with_its_articles_section_is_decided_by_the_sections_rules()
    {
        var site = system.RulesSite;
        await File.WriteAllTextAsync(
            SectionFile("gardening"),
            """
            description: The gardening pages do not want pesticide brands advertised.
            rules:
              - { id: section.no-pesticide-ads, kind: terms, category: spam, severity: high, action: reject, terms: [slugbane] }
            """);
        await Eventually.MatchesAsync(
            () => Task.FromResult(system.Workers.All(worker =>
            {
                var rules = worker.Services.GetRequiredService<IRuleSetProvider>();
                return rules.ForSite(DistributedSystem.RulesSiteId, "gardening").Version != rules.ForSite(DistributedSystem.RulesSiteId).Version;
            })),
            loaded => loaded,
            "every worker to load the section's ruleset",
            TimeSpan.FromSeconds(10));

        const string body = "Slugbane kept the lettuces whole all summer.";
        // Three authors, so the duplicate rule has nothing to say.
        var inSection = await SubmitAsync(site, "gardener-1", body, "Gardening");
        var elsewhere = await SubmitAsync(site, "gardener-2", body, section: null);
        var otherSection = await SubmitAsync(site, "gardener-3", body, "politics");

        var rejected = (await site.WaitForFinalStatusAsync(inSection))!;
        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        var hit = Assert.Single(rejected["decision"]!["hits"]!.AsArray(), hit => hit!["rule"]!.GetValue<string>() == "section.no-pesticide-ads");
        Assert.Equal(0, hit!["start"]!.GetValue<int>());
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(elsewhere))!["status"]!.GetValue<string>());
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(otherSection))!["status"]!.GetValue<string>());
    }

    private string SectionFile(string section)
    {
        var folder = Path.Combine(system.RulesDirectory, "sites", DistributedSystem.RulesSiteId, "sections");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, section + ".yaml");
    }

    private static async Task<Guid> SubmitAsync(SiteApiClient site, string authorId, string body, string? section)
    {
        var comment = new { author = new { id = authorId, name = "Gardener" }, body, parentId = (string?)null, section };
        using var response = await site.PostAsync("lettuce-diary", comment);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
