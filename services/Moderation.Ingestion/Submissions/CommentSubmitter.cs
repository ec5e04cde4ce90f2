using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// Gives a comment its id and accepts it in one store write: its pending status together with its outgoing
/// <see cref="CommentSubmitted"/> in the submission outbox. Once that write commits the comment is accepted, whatever
/// the broker's state; <see cref="SubmissionRelay"/> appends it to its author's history and publishes it until the
/// broker confirms (<see cref="SubmissionOutbox"/>). With an Idempotency-Key the id is fixed on the first try, so a
/// retried submit finds the comment already accepted and stores nothing twice.
/// </summary>
public sealed class CommentSubmitter(
    ICommentStatusStore statuses,
    ISubmissionOutboxStore outbox,
    IIdempotencyStore idempotencyKeys,
    SubmissionRelaySignal relay,
    SubmissionBacklog backlog,
    TimeProvider clock)
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
        }

        var record = new CommentStatusRecord(commentId, comment.SiteId, comment.ArticleId, comment.Author.Id, CommentStatus.Pending, now);
        var submitted = new CommentSubmitted(
            new Comment(commentId, comment.SiteId, comment.ArticleId, comment.Author, comment.Body, comment.ParentId, now, comment.Section, comment.Article),
            comment.AuthorSignals,
            HoldReason: comment.HoldReason);
        if (!await outbox.TryAcceptAsync(record, new OutgoingSubmission(submitted, TraceParent: Activity.Current?.Id), cancellationToken))
        {
            // The same key's earlier try was accepted already: answer with where that comment is now.
            var current = await statuses.GetAsync(commentId, cancellationToken);
            return new SubmitResult(SubmitOutcome.Accepted, commentId, current?.Status ?? CommentStatus.Pending);
        }

        backlog.Accepted();
        relay.Notify();
        return new SubmitResult(SubmitOutcome.Accepted, commentId);
    }

    private async Task<bool> IsCommentOfArticleAsync(Guid parentId, ValidComment comment, CancellationToken cancellationToken)
    {
        var parent = await statuses.GetAsync(parentId, cancellationToken);
        return parent is not null && parent.SiteId == comment.SiteId && parent.ArticleId == comment.ArticleId;
    }

    private static string Fingerprint(ValidComment comment) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(comment)));
}
