using MassTransit;
using Moderation.Contracts;

namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// Skips every message of an erased author as it is received, before any consumer sees it, so a redelivered or replayed
/// event (a <see cref="CommentSubmitted"/> still in a queue, a <see cref="CommentModerated"/> moved back from an error
/// queue) writes nothing back. It sits on the receive endpoint, not on each consumer, because a batch consumer's
/// messages are collected before its own filters: a consumer filter saw only the <c>Batch&lt;T&gt;</c>, which names no
/// author. The message counts as consumed: it is acknowledged, not moved to a <c>_skipped</c> queue. An
/// <see cref="AuthorErased"/> event marks its author erased in this process's <see cref="IErasedAuthors"/> at once.
/// </summary>
public sealed class ErasedAuthorFilter(IErasedAuthors erased) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (context.TryGetMessage<AuthorErased>(out var erasure))
        {
            erased.MarkErased(erasure.Message.SiteId, erasure.Message.AuthorId);
        }
        else if (AuthorOf(context) is ({ } siteId, { } authorId, { } notify)
            && await erased.IsErasedAsync(siteId, authorId, context.CancellationToken).ConfigureAwait(false))
        {
            await notify().ConfigureAwait(false);
            return;
        }

        await next.Send(context).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("erased-author");

    /// <summary>
    /// The site and author a message is about, and how to count it consumed; null for messages about no author or about
    /// the erasure itself. A message too malformed to name them (no comment, no author) passes on, to be refused as invalid.
    /// </summary>
    private static (string SiteId, string AuthorId, Func<Task> Skip)? AuthorOf(ConsumeContext context) =>
        context.TryGetMessage<CommentSubmitted>(out var submitted) ? Of(submitted, submitted.Message.Comment)
        : context.TryGetMessage<CommentModerated>(out var moderated) ? Of(moderated, moderated.Message.Comment)
        : context.TryGetMessage<CommentApproved>(out var approved) ? Of(approved, approved.Message.Comment)
        : context.TryGetMessage<CommentRejected>(out var rejected) ? Of(rejected, rejected.Message.Comment)
        : context.TryGetMessage<CommentReportsCounted>(out var counted) ? Of(counted, counted.Message.Comment)
        : context.TryGetMessage<CommentReported>(out var reported) ? Of(reported, reported.Message.SiteId, reported.Message.AuthorId)
        : context.TryGetMessage<AuthorStandingChanged>(out var standing) ? Of(standing, standing.Message.SiteId, standing.Message.AuthorId)
        : null;

    private static (string, string, Func<Task>)? Of<T>(ConsumeContext<T> context, Comment? comment)
        where T : class =>
        Of(context, comment?.SiteId, comment?.Author?.Id);

    private static (string, string, Func<Task>)? Of<T>(ConsumeContext<T> context, string? siteId, string? authorId)
        where T : class =>
        siteId is not null && authorId is not null
            ? (siteId, authorId, () => context.NotifyConsumed(context, TimeSpan.Zero, "erased-author"))
            : null;
}
