using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Activity;

namespace Moderation.Worker.Standing;

/// <summary>Keeps the latest standing a moderator set for each author in the worker's own store; a replay changes nothing.</summary>
public sealed class AuthorStandingConsumer(IAuthorStandingStore standings) : IConsumer<AuthorStandingChanged>
{
    public Task Consume(ConsumeContext<AuthorStandingChanged> context)
    {
        var change = context.Message;
        return standings.ApplyAsync(
            new AuthorStandingRecord(change.SiteId, change.AuthorId, change.Standing, change.Until, change.ModeratorId, change.ChangedAt),
            context.CancellationToken);
    }
}
