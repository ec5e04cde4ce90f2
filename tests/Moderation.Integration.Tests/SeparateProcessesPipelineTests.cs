using Moderation.Integration.Tests.Infrastructure;
using Moderation.Storage;
using Moderation.Storage.Review;
using Moderation.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Integration.Tests;

/// <summary>
/// The end-to-end scenarios on the production form: four service processes on RabbitMQ and MongoDB, each with only its
/// own database reachable when the emulator is there (see <see cref="SeparateProcesses"/>). In the distributed
/// collection because some of its tests stop the shared broker.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class SeparateProcessesPipelineTests : PipelineScenarios, IClassFixture<SeparateProcesses>, IAsyncLifetime
{
    private readonly DistributedSystem _system;
    private readonly SeparateProcesses _processes;

    public SeparateProcessesPipelineTests(DistributedSystem system, SeparateProcesses processes)
    {
        _system = system;
        _processes = processes;
    }

    protected override SiteApiClient Site => _processes.Site;

    protected override IReviewQueueStore ReviewQueue => _processes.ReviewStores.ReviewQueue;

    protected override Task PublishAsync(object message) => _processes.PublishAsync(message);

    protected override void RequireSystem() => _processes.Require();

    public Task InitializeAsync() => _processes.StartAsync(_system.Broker);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A comment accepted while the broker is down waits, unsent, in Ingestion's outbox; Ingestion is then killed (kill -9)
    /// before it could relay it. The new Ingestion process relays it (the dead one's lease lapses) and it is decided.
    /// </summary>
    [SkippableFact]
    public async Task A_comment_stored_but_not_yet_relayed_survives_a_kill_9_of_Ingestion_and_is_decided()
    {
        RequireSystem();
        var article = $"kill-{Guid.NewGuid():N}";
        var author = $"kill-{Guid.NewGuid():N}"[..12];
        Guid id;
        await _system.Broker.StopAsync();
        try
        {
            id = await Site.SubmitAsync(article, "The new timetable helps those of us on the early shift; thank you.", authorId: author);
            Assert.Equal("pending", (await Site.GetStatusAsync(id))?["status"]?.GetValue<string>());
            await _processes.KillIngestionAsync();
        }
        finally
        {
            await _system.Broker.StartAgainAsync();
        }

        await _processes.StartIngestionAgainAsync();
        var status = await Site.WaitForFinalStatusAsync(id, TimeSpan.FromSeconds(90));
        Assert.True(status?["status"]?.GetValue<string>() == "approved", $"the comment Ingestion held when killed was not decided: {status}");
        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Count == 1, "the comment published");
    }

    /// <summary>Each service wrote its data on its own server, and no server holds another service's database.</summary>
    [SkippableFact]
    public async Task Each_service_reaches_and_uses_only_its_own_database()
    {
        RequireSystem();
        Skip.IfNot(_processes.Isolated, "needs a MongoDB server per service (the emulator at ../shared/mongo-emulator)");
        // A comment each service stores something for: a clean one (Ingestion, Worker, Publishing) and a held one (Review).
        var article = $"isolation-{Guid.NewGuid():N}";
        var clean = await Site.SubmitAsync(article, "Thanks for the clear explanation of the budget talks; the timeline helps a lot.", authorId: $"iso-{Guid.NewGuid():N}"[..12]);
        var held = await Site.SubmitAsync(article, "Sources here: https://example.org/iso", authorId: $"iso-{Guid.NewGuid():N}"[..12], accountAgeDays: 0);
        Assert.Equal("approved", (await Site.WaitForFinalStatusAsync(clean))!["status"]!.GetValue<string>());
        Assert.Equal("flagged", (await Site.WaitForFinalStatusAsync(held))!["status"]!.GetValue<string>());
        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Count == 1, "the clean comment published");
        await Eventually.MatchesAsync(() => ReviewQueue.GetAsync(held), item => item is not null, "the held comment queued");

        foreach (var (owner, (_, database)) in _processes.Databases)
        {
            var names = await _processes.DatabaseNamesAsync(owner);
            Assert.Contains(database, names);
            var others = _processes.Databases.Where(entry => entry.Key != owner).Select(entry => entry.Value.Database);
            Assert.DoesNotContain(names, name => others.Contains(name));
        }
    }

    /// <summary>
    /// Erasure through RabbitMQ: each service erases the author from its own database, and a replayed event of the
    /// author (published on the broker after the erasure) is skipped by every service's own erasure record.
    /// </summary>
    [SkippableFact]
    public async Task An_erased_author_is_in_no_services_database_and_a_replayed_event_brings_nothing_back()
    {
        RequireSystem();
        var article = $"erasure-{Guid.NewGuid():N}";
        var author = $"erase-{Guid.NewGuid():N}";
        const string Clean = "Thanks for the clear explanation of the budget talks; the timeline helps a lot.";
        var published = await Site.SubmitAsync(article, Clean, authorId: author);
        var held = await Site.SubmitAsync(article, "Sources here: https://example.org/erasure", authorId: author, accountAgeDays: 0);
        Assert.Equal("approved", (await Site.WaitForFinalStatusAsync(published))!["status"]!.GetValue<string>());
        Assert.Equal("flagged", (await Site.WaitForFinalStatusAsync(held))!["status"]!.GetValue<string>());
        await Eventually.MatchesAsync(() => ReviewQueue.GetAsync(held), item => item is not null, "the held comment queued");
        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Count == 1, "the clean comment published");
        var before = await FindInDatabasesAsync(author);
        foreach (var owner in new[] { StoreOwner.Ingestion, StoreOwner.Publishing, StoreOwner.Review })
        {
            Assert.Contains(before, row => row.StartsWith($"{owner}/", StringComparison.Ordinal));
        }

        using (var erase = await Site.SubmitHttp.DeleteAsync($"/v1/sites/{SeparateProcesses.SiteId}/authors/{author}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, erase.StatusCode);
        }

        await Eventually.MatchesAsync(() => FindInDatabasesAsync(author), rows => rows.Count == 0, "no service's database to hold the author's id");

        var now = DateTimeOffset.UtcNow;
        var comment = new Contracts.Comment(published, SeparateProcesses.SiteId, article, new Contracts.CommentAuthor(author, "Erased"), Clean, null, now);
        await PublishAsync(new Contracts.CommentSubmitted(comment));
        await PublishAsync(new Contracts.CommentModerated(comment, new Contracts.ModerationDecision(Contracts.DecisionOutcome.Approve, 0, [], "replay", now)));
        await PublishAsync(new Contracts.CommentModerated(comment with { Id = held }, new Contracts.ModerationDecision(Contracts.DecisionOutcome.Flag, 2, [], "replay", now)));
        var witness = await Site.SubmitAsync(article, Clean + " A witness.", authorId: $"witness-{Guid.NewGuid():N}"[..16]);
        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == witness), "the witness published");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await FindInDatabasesAsync(author));
        Assert.Null(await ReviewQueue.GetAsync(held));
    }

    /// <summary>Every document of every collection in each service's database that holds <paramref name="text"/>.</summary>
    private async Task<List<string>> FindInDatabasesAsync(string text)
    {
        var found = new List<string>();
        foreach (var (owner, (uri, name)) in _processes.Databases)
        {
            using var client = new MongoDB.Driver.MongoClient(uri);
            var database = client.GetDatabase(name);
            foreach (var collection in await (await database.ListCollectionNamesAsync()).ToListAsync())
            {
                var documents = await database.GetCollection<MongoDB.Bson.BsonDocument>(collection)
                    .Find(MongoDB.Driver.FilterDefinition<MongoDB.Bson.BsonDocument>.Empty).ToListAsync();
                found.AddRange(documents.Select(document => document.ToJson()).Where(json => json.Contains(text, StringComparison.Ordinal))
                    .Select(json => $"{owner}/{collection}: {json}"));
            }
        }

        return found;
    }
}
