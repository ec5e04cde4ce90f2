using System.Text.Json.Nodes;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>
/// Spammers post in bursts: every comment of a burst must be decided knowing the ones submitted before it, with two
/// workers taking the messages in whatever order the broker hands them out.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class AuthorOrderTests(DistributedSystem system)
{
    private static readonly string[] Topics =
    [
        "The committee vote was closer than the headline suggests.",
        "Harbour dredging will cost the town far more than promised.",
        "My grandmother remembers the flood of sixty-two vividly.",
        "Ticket prices for the final are simply out of reach.",
        "Cycling lanes on Elm Street made my commute safer.",
        "Nobody asked the farmers before rewriting the subsidy rules.",
        "The orchestra's new conductor brought real energy tonight.",
        "Schools need ventilation upgrades before next winter arrives.",
    ];

    [Fact]
    public async Task The_same_text_posted_three_times_at_once_is_approved_once_and_flagged_twice_as_duplicate()
    {
        Assert.True(system.Workers.Count >= 2, "this test is about several workers");
        const int authors = 30;
        var run = Guid.NewGuid().ToString("N")[..8];
        var submits = Enumerable.Range(0, authors).SelectMany(author => Enumerable.Range(0, 3).Select(_ => (
            Author: $"burst-{run}-{author}",
            Text: $"Everyone should read this thread about {Topics[author % Topics.Length]} Author {author} insists."))).ToList();

        var decided = await SubmitAllAtOnceAndDecideAsync(submits);

        var wrong = decided.GroupBy(d => d.Author)
            .Where(group => group.Count(d => d.Status == "approved") != 1 || group.Count(d => d.Categories.Contains("duplicate")) != 2)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(d => $"{d.Status}[{string.Join('+', d.Categories)}]"))}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {authors} authors got a burst past the duplicate rule: {string.Join("; ", wrong.Take(5))}");
    }

    [Fact]
    public async Task Eight_comments_at_once_from_one_author_trip_the_flood_rule_on_exactly_the_last_three()
    {
        Assert.True(system.Workers.Count >= 2, "this test is about several workers");
        const int authors = 12;
        var run = Guid.NewGuid().ToString("N")[..8];
        var submits = Enumerable.Range(0, authors).SelectMany(author => Topics.Select(topic => (Author: $"flood-{run}-{author}", Text: topic))).ToList();

        var decided = await SubmitAllAtOnceAndDecideAsync(submits);

        // The default pack flags a comment when the author already posted five within ten minutes: of eight, the 6th to 8th.
        var wrong = decided.GroupBy(d => d.Author)
            .Where(group => group.Count(d => d.Categories.Contains("flood")) != 3 || group.Count(d => d.Status == "approved") != 5)
            .Select(group => $"{group.Key}: {group.Count(d => d.Categories.Contains("flood"))} flood hits")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {authors} authors under- or over-flagged by the flood rule: {string.Join("; ", wrong.Take(5))}");
    }

    private async Task<List<(string Author, string Status, string[] Categories)>> SubmitAllAtOnceAndDecideAsync(List<(string Author, string Text)> submits)
    {
        var site = system.Site;
        var article = $"burst-{Guid.NewGuid():N}";
        using var start = new ManualResetEventSlim();
        var ids = await Task.WhenAll(submits.Select(submit => Task.Run(async () =>
        {
            start.Wait();
            return (submit.Author, Id: await site.SubmitAsync(article, submit.Text, submit.Author));
        })).Append(Task.Run(() =>
        {
            start.Set();
            return (Author: "", Id: Guid.Empty);
        })));

        var decided = new List<(string, string, string[])>();
        foreach (var (author, id) in ids.Where(x => x.Id != Guid.Empty))
        {
            var status = (await site.WaitForFinalStatusAsync(id, TimeSpan.FromSeconds(60)))!;
            var categories = status["decision"]!["hits"]!.AsArray().Select(hit => hit!["category"]!.GetValue<string>()).Distinct().ToArray();
            decided.Add((author, status["status"]!.GetValue<string>(), categories));
        }

        return decided;
    }
}
