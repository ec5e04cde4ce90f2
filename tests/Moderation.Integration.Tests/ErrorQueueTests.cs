using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;
using RabbitMQ.Client;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class ErrorQueueTests(DistributedSystem system)
{
    [Fact]
    public async Task A_decision_without_its_decision_goes_to_the_error_queue_alone_and_the_good_ones_beside_it_are_published()
    {
        var messageId = NewId.NextGuid();
        var article = $"article-{Guid.NewGuid():N}";
        var comment = new Comment(
            NewId.NextGuid(), DistributedSystem.SiteId, article, new CommentAuthor("reader-p", "Poison"),
            "This event lost its decision.", null, DateTimeOffset.UtcNow);
        var bus = system.Ingestion.Services.GetRequiredService<IBus>();

        // Twenty good approvals in the same burst, so Publishing's batch consumer takes them in one batch with the poison.
        var good = Enumerable.Range(0, 20)
            .Select(i => new Comment(
                NewId.NextGuid(), DistributedSystem.SiteId, article, new CommentAuthor($"reader-g{i}", "Reader"),
                $"Comment {i} beside the poison message, clear and civil.", null, DateTimeOffset.UtcNow))
            .ToList();
        var approve = new ModerationDecision(DecisionOutcome.Approve, 0, [], "test", DateTimeOffset.UtcNow);
        await Task.WhenAll(good.Take(10).Select(c => bus.Publish(new CommentModerated(c, approve)))
            .Append(bus.Publish(new CommentModerated(comment, null!), context => context.MessageId = messageId))
            .Concat(good.Skip(10).Select(c => bus.Publish(new CommentModerated(c, approve)))));

        var published = await Eventually.MatchesAsync(
            async () => (await system.Site.ListAsync(article, "?limit=100"))["items"]!.AsArray().Count,
            count => count >= good.Count,
            "every good comment on the article");
        Assert.Equal(good.Count, published);

        var faulted = await Eventually.MatchesAsync(
            () => TakeFromQueueAsync("publish-approved-comment_error", messageId),
            found => found is not null,
            "the poison message in publish-approved-comment_error");
        Assert.NotNull(faulted);
        Assert.Contains("MessageValidationException", faulted.GetValueOrDefault("MT-Fault-ExceptionType"));
        Assert.Null(faulted.GetValueOrDefault("MT-Fault-RetryCount"));
    }

    [Fact]
    public async Task An_invalid_CommentSubmitted_goes_to_the_error_queue_without_retries()
    {
        var messageId = NewId.NextGuid();
        var bus = system.Ingestion.Services.GetRequiredService<IBus>();
        await bus.Publish(new CommentSubmitted(null!), context => context.MessageId = messageId);

        var faulted = await Eventually.MatchesAsync(
            () => TakeFromQueueAsync("moderate-comment_error", messageId),
            found => found is not null,
            "the invalid message in moderate-comment_error");
        Assert.NotNull(faulted);
        Assert.Contains("MessageValidationException", faulted.GetValueOrDefault("MT-Fault-ExceptionType"));
        Assert.Null(faulted.GetValueOrDefault("MT-Fault-RetryCount"));
    }

    /// <summary>Takes the message with <paramref name="messageId"/> off a queue, returning its headers as text; leaves the others.</summary>
    private async Task<Dictionary<string, string?>?> TakeFromQueueAsync(string queue, Guid messageId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(system.Broker.Uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }

        await using var scan = await connection.CreateChannelAsync();
        for (var taken = 0; taken < 10_000; taken++)
        {
            var message = await scan.BasicGetAsync(queue, autoAck: false);
            if (message is null)
            {
                return null;
            }

            if (Guid.TryParse(message.BasicProperties.MessageId, out var id) && id == messageId)
            {
                await scan.BasicAckAsync(message.DeliveryTag, multiple: false);
                return (message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .ToDictionary(header => header.Key, header => header.Value switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        null => null,
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    });
            }
        }

        return null;
    }
}
