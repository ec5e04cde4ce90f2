using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;

namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// Skips every message of an erased author before any consumer sees it, so a redelivered or replayed event (a
/// <see cref="CommentSubmitted"/> still in a queue, a <see cref="CommentModerated"/> moved back from an error queue)
/// writes nothing back. The message counts as consumed: it is acknowledged, not moved to a <c>_skipped</c> queue.
/// </summary>
public sealed class ErasedAuthorFilter<T>(IServiceProvider services) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (AuthorOf(context.Message) is var (siteId, authorId)
            && services.GetService<IErasedAuthors>() is { } erased
            && await erased.IsErasedAsync(siteId, authorId, context.CancellationToken).ConfigureAwait(false))
        {
            await context.NotifyConsumed(context, TimeSpan.Zero, "erased-author").ConfigureAwait(false);
            return;
        }

        await next.Send(context).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("erased-author");

    /// <summary>The site and author a message is about; null for messages about no author or about the erasure itself.</summary>
    /// A message too malformed to name them (no comment, no author) passes on, to be refused by validation as invalid.
    public static (string SiteId, string AuthorId)? AuthorOf(object message) => message switch
    {
        CommentSubmitted m => Of(m.Comment),
        CommentModerated m => Of(m.Comment),
        CommentApproved m => Of(m.Comment),
        CommentRejected m => Of(m.Comment),
        CommentReported { SiteId: { } siteId, AuthorId: { } authorId } => (siteId, authorId),
        AuthorStandingChanged { SiteId: { } siteId, AuthorId: { } authorId } => (siteId, authorId),
        _ => null,
    };

    private static (string SiteId, string AuthorId)? Of(Comment? comment) =>
        comment is { SiteId: { } siteId, Author.Id: { } authorId } ? (siteId, authorId) : null;
}
