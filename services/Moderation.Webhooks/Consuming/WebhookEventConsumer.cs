using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Webhooks.Events;
using Moderation.Webhooks.Sites;
using Moderation.Webhooks.Storage;

namespace Moderation.Webhooks.Consuming;

/// <summary>
/// Stores an event for every change of a comment's state, for each site that has a webhook. Storing is the whole job:
/// the message is acknowledged only once its event is stored, and an event already stored (a redelivery) is not stored again.
/// </summary>
public sealed class WebhookEventConsumer(IWebhookStore store, IOptionsMonitor<WebhookSitesOptions> sites, TimeProvider clock) :
    IConsumer<CommentModerated>,
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>,
    IConsumer<CommentReported>,
    IConsumer<CommentDeleted>,
    IConsumer<ArticleModeChanged>,
    IConsumer<AuthorErased>,
    IConsumer<AuthorStandingChanged>
{
    public Task Consume(ConsumeContext<AuthorStandingChanged> context) =>
        context.Message.Standing == AuthorStanding.Banned
            ? EnqueueAsync(context.Message.SiteId, () => WebhookEventFactory.FromBan(context.Message), context.CancellationToken)
            : Task.CompletedTask;

    // The author's events are deleted first, so the author.erased event is the only one left that names them.
    public async Task Consume(ConsumeContext<AuthorErased> context)
    {
        var erased = context.Message;
        await store.EraseAuthorAsync(erased.SiteId, erased.AuthorId, erased.ErasedAt, context.CancellationToken);
        await EnqueueAsync(erased.SiteId, () => WebhookEventFactory.FromErasure(erased), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ArticleModeChanged> context) =>
        EnqueueAsync(context.Message.SiteId, () => WebhookEventFactory.FromArticleMode(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CommentDeleted> context) =>
        EnqueueAsync(context.Message.SiteId, () => WebhookEventFactory.FromDeletion(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CommentReported> context) =>
        EnqueueAsync(context.Message.SiteId, () => WebhookEventFactory.FromReport(context.Message), context.CancellationToken);

    // A decision on reader reports that approves changes nothing; one on a comment a moderator decided does not apply
    // (the rules never override a moderator), which this store knows from the moderator's event.
    public async Task Consume(ConsumeContext<CommentModerated> context)
    {
        var moderated = context.Message;
        if (moderated.OpenReports is not null &&
            (moderated.Decision.Outcome == DecisionOutcome.Approve ||
             await store.GetAsync(WebhookEventFactory.FirstModeratorEventId(moderated.Comment.Id), context.CancellationToken) is not null))
        {
            return;
        }

        await EnqueueAsync(moderated.Comment.SiteId, () => WebhookEventFactory.FromRules(moderated), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<CommentApproved> context) =>
        EnqueueAsync(
            context.Message.Comment.SiteId,
            () => WebhookEventFactory.FromModerator(context.Message.Comment, context.Message.Decision, DecisionOutcome.Approve),
            context.CancellationToken);

    public Task Consume(ConsumeContext<CommentRejected> context) =>
        EnqueueAsync(
            context.Message.Comment.SiteId,
            () => WebhookEventFactory.FromModerator(context.Message.Comment, context.Message.Decision, DecisionOutcome.Reject),
            context.CancellationToken);

    private Task EnqueueAsync(string siteId, Func<WebhookEvent> create, CancellationToken cancellationToken) =>
        sites.CurrentValue.Find(siteId) is null
            ? Task.CompletedTask
            : store.EnqueueAsync(create(), clock.GetUtcNow(), cancellationToken);
}
