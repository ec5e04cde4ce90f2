using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Moderation.Ingestion.Messaging;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Activity;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// Gives a comment its id, appends it to its author's history (getting back, in the same atomic step, what the author
/// posted before) and publishes <see cref="CommentSubmitted"/> carrying both, so the worker decides each comment
/// knowing every earlier one however many workers run. A comment counts as accepted only once the
/// broker confirmed the event. With an Idempotency-Key the id is fixed on the first try, so a retried submit
/// re-publishes the same comment (consumers are idempotent) and a confirmed one is never published again.
/// </summary>
public sealed class CommentSubmitter(
    ICommentStatusStore statuses,
    IIdempotencyStore idempotencyKeys,
    IAuthorHistoryStore authorHistory,
    IPublishEndpoint publisher,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<CommentSubmitter> logger)
{
    public async Task<SubmitResult> SubmitAsync(ValidComment comment, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (comment.ParentId is { } parentId && !await IsCommentOfArticleAsync(parentId, comment, cancellationToken))
        {
            return new SubmitResult(SubmitOutcome.UnknownParent);
        }

        var now = StoredTime.Truncate(clock.GetUtcNow());
        var commentId = NewId.NextGuid();
        if (idempotencyKey is not null)
        {
            var requestHash = Fingerprint(comment);
            var key = await idempotencyKeys.GetOrAddAsync(
                new IdempotencyRecord(comment.SiteId, idempotencyKey, requestHash, commentId, now), cancellationToken);
            if (key.RequestHash != requestHash)
            {
                return new SubmitResult(SubmitOutcome.KeyReusedWithDifferentRequest);
            }

            commentId = key.CommentId;
            if (key.Published)
            {
                var current = await statuses.GetAsync(commentId, cancellationToken);
                return new SubmitResult(SubmitOutcome.Accepted, commentId, current?.Status ?? CommentStatus.Pending);
            }
        }

        var record = new CommentStatusRecord(commentId, comment.SiteId, comment.ArticleId, comment.Author.Id, CommentStatus.Pending, now);
        if (!await statuses.TryCreateAsync(record, cancellationToken))
        {
            // A retry of an unconfirmed submit: keep the first try's time so every replica sees one history.
            record = await statuses.GetAsync(commentId, cancellationToken) ?? record;
        }

        var activity = new AuthorActivity(commentId, comment.SiteId, comment.Author.Id, record.SubmittedAt, comment.Body);
        var earlier = await authorHistory.AppendAsync(
            activity,
            record.SubmittedAt - options.Value.AuthorHistoryWindow,
            options.Value.AuthorHistoryLimit,
            cancellationToken);
        var submitted = new CommentSubmitted(
            new Comment(commentId, comment.SiteId, comment.ArticleId, comment.Author, comment.Body, comment.ParentId, record.SubmittedAt, comment.Section),
            comment.AuthorSignals,
            [.. earlier.Select(entry => new PriorSubmission(entry.CommentId, entry.SubmittedAt, entry.Text))],
            comment.HoldReason);

        if (!await TryPublishAsync(submitted, cancellationToken))
        {
            if (idempotencyKey is null)
            {
                // Never accepted: neither its status nor its place in the author's history may outlive this answer,
                // or the author's retry of the same text would be judged a duplicate of a comment that does not exist.
                await statuses.DeleteAsync(commentId, CancellationToken.None);
                await authorHistory.RemoveAsync(activity, CancellationToken.None);
            }

            return new SubmitResult(SubmitOutcome.BrokerUnavailable);
        }

        if (idempotencyKey is not null)
        {
            await idempotencyKeys.MarkPublishedAsync(comment.SiteId, idempotencyKey, CancellationToken.None);
        }

        return new SubmitResult(SubmitOutcome.Accepted, commentId);
    }

    /// <summary>Anything but the caller giving up counts as "broker unavailable".</summary>
    private async Task<bool> TryPublishAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        var timeout = options.Value.PublishTimeout;
        if (await publisher.TryPublishWithinAsync(message, timeout, cancellationToken) is not { } failure)
        {
            return true;
        }

        logger.LogWarning(failure, "The broker did not confirm comment {CommentId} within {Timeout}", message.Comment.Id, timeout);
        return false;
    }

    private async Task<bool> IsCommentOfArticleAsync(Guid parentId, ValidComment comment, CancellationToken cancellationToken)
    {
        var parent = await statuses.GetAsync(parentId, cancellationToken);
        return parent is not null && parent.SiteId == comment.SiteId && parent.ArticleId == comment.ArticleId;
    }

    private static string Fingerprint(ValidComment comment) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(comment)));
}
