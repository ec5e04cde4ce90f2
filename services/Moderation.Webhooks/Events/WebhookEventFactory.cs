using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Contracts;

namespace Moderation.Webhooks.Events;

/// <summary>
/// Turns the system's events into the events a site receives. An event's id is derived from what it announces (its kind
/// and the comment), so a message delivered twice by the broker yields the same event, stored and sent once.
/// </summary>
public static class WebhookEventFactory
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static WebhookEvent FromRules(CommentModerated moderated)
    {
        ArgumentNullException.ThrowIfNull(moderated);
        var (comment, decision) = (moderated.Comment, moderated.Decision);
        if (moderated.OpenReports is { } reports)
        {
            return FromReportsRedecision(comment, decision, reports);
        }

        var (type, status) = decision.Outcome switch
        {
            DecisionOutcome.Approve => (WebhookEventTypes.CommentApproved, "approved"),
            DecisionOutcome.Reject => (WebhookEventTypes.CommentRejected, "rejected"),
            _ => (WebhookEventTypes.CommentFlagged, "flagged"),
        };

        // One rules decision per comment: its id does not depend on the outcome or the time, which a replay could change.
        return Create(
            EventId("rules", comment.Id),
            type,
            decision.DecidedAt,
            comment,
            status,
            new WebhookDecision(
                Outcome(decision.Outcome),
                "rules",
                decision.DecidedAt,
                decision.Score,
                decision.Hits,
                decision.RulesetVersion));
    }

    /// <summary>
    /// The rules decided a published comment again on reader reports and hold it for a moderator (<c>comment.flagged</c>)
    /// or take it down (<c>comment.taken_down</c>, by the rules). One event per outcome and comment, as the review queue
    /// takes the comment once: further reports that decide the same again are not announced again.
    /// </summary>
    private static WebhookEvent FromReportsRedecision(Comment comment, ModerationDecision decision, int reports)
    {
        var rejects = decision.Outcome == DecisionOutcome.Reject;
        return Create(
            EventId($"reports:{Outcome(decision.Outcome)}", comment.Id),
            rejects ? WebhookEventTypes.CommentTakenDown : WebhookEventTypes.CommentFlagged,
            decision.DecidedAt,
            comment,
            rejects ? "rejected" : "flagged",
            new WebhookDecision(
                Outcome(decision.Outcome), "rules", decision.DecidedAt, decision.Score, decision.Hits, decision.RulesetVersion, Reports: reports));
    }

    /// <summary>The id of a moderator's first decision on the comment: once stored, the rules no longer speak for it.</summary>
    public static Guid FirstModeratorEventId(Guid commentId) => EventId("moderator", commentId);

    public static WebhookEvent FromModerator(Comment comment, ModeratorDecision decision, DecisionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(decision);
        // A later decision on the same comment (an undo, a takedown) is an event of its own: its number is in its id.
        return Create(
            EventId(decision.Sequence <= 1 ? "moderator" : $"moderator:{decision.Sequence}", comment.Id),
            outcome == DecisionOutcome.Reject && decision.TakesDown ? WebhookEventTypes.CommentTakenDown : WebhookEventTypes.CommentDecided,
            decision.DecidedAt,
            comment,
            outcome == DecisionOutcome.Approve ? "approved" : "rejected",
            new WebhookDecision(Outcome(outcome), "moderator", decision.DecidedAt, ModeratorId: decision.ModeratorId, Reason: decision.Reason,
                MessageToAuthor: decision.MessageToAuthor));
    }

    /// <summary>One event per reporter and comment: a retried report yields the same id, delivered once.</summary>
    public static WebhookEvent FromReport(CommentReported reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var id = EventId($"report:{reported.ReporterId}", reported.CommentId);
        var payload = new WebhookPayload(
            WebhookEventTypes.CommentReported,
            id,
            reported.ReportedAt,
            new WebhookComment(
                reported.CommentId,
                reported.SiteId,
                reported.ArticleId,
                new WebhookAuthor(reported.AuthorId, null),
                null,
                null,
                null,
                reported.Hidden ? "hidden" : "reported"),
            null,
            new WebhookReport(reported.ReporterId, reported.Reason, reported.OpenReports, reported.NeedsReview, reported.Hidden));
        return new WebhookEvent(
            id, reported.SiteId, CommentSubject(reported.CommentId), WebhookEventTypes.CommentReported, reported.ReportedAt,
            JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>
    /// <c>comment.deleted</c>: the author deleted the comment. One per comment (a repeated deletion is sent once); it names
    /// the comment without its text, which is gone.
    /// </summary>
    public static WebhookEvent FromDeletion(CommentDeleted deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var id = EventId("deleted", deleted.CommentId);
        var payload = new WebhookPayload(
            WebhookEventTypes.CommentDeleted,
            id,
            deleted.DeletedAt,
            new WebhookComment(
                deleted.CommentId, deleted.SiteId, deleted.ArticleId, new WebhookAuthor(deleted.AuthorId, null), null, null, null, "deleted"),
            null);
        return new WebhookEvent(
            id, deleted.SiteId, CommentSubject(deleted.CommentId), WebhookEventTypes.CommentDeleted, deleted.DeletedAt,
            JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>One event per change: its id is derived from the article, the mode, the reason and the time of the change.</summary>
    public static WebhookEvent FromArticleMode(ArticleModeChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var id = EventId(
            $"article:{changed.SiteId}/{changed.ArticleId}:{changed.Mode}:{changed.Reason}:{changed.ChangedAt.ToUnixTimeMilliseconds()}", Guid.Empty);
        var payload = new WebhookPayload(
            WebhookEventTypes.ArticleModeChanged,
            id,
            changed.ChangedAt,
            null,
            null,
            Article: new WebhookArticle(changed.SiteId, changed.ArticleId, changed.Mode, changed.Reason, changed.Until));
        return new WebhookEvent(
            id, changed.SiteId, $"article:{changed.SiteId}/{changed.ArticleId}", WebhookEventTypes.ArticleModeChanged, changed.ChangedAt,
            JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>
    /// <c>author.erased</c>: the site's erasure of an author is done here. Its id and subject come from a hash of site and
    /// author, so a repeated erasure is announced once; its body is emptied once delivered.
    /// </summary>
    public static WebhookEvent FromErasure(AuthorErased erased)
    {
        ArgumentNullException.ThrowIfNull(erased);
        var key = Moderation.Storage.Erasure.AuthorErasureKey.For(erased.SiteId, erased.AuthorId);
        var id = EventId($"erased:{key}", Guid.Empty);
        var payload = new WebhookPayload(
            WebhookEventTypes.AuthorErased, id, erased.ErasedAt, null, null, Author: new WebhookAuthorChange(erased.AuthorId, erased.SiteId));
        return new WebhookEvent(
            id, erased.SiteId, $"author:{key}", WebhookEventTypes.AuthorErased, erased.ErasedAt, JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>
    /// <c>author.banned</c>: a moderator banned the author (<c>until</c> null: for good). Its id is derived from the author
    /// and the time of the ban, so a redelivered ban is sent once; its subject keeps one author's events in order.
    /// </summary>
    public static WebhookEvent FromBan(AuthorStandingChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var key = Moderation.Storage.Erasure.AuthorErasureKey.For(changed.SiteId, changed.AuthorId);
        var id = EventId($"banned:{key}:{changed.ChangedAt.ToUnixTimeMilliseconds()}", Guid.Empty);
        var payload = new WebhookPayload(
            WebhookEventTypes.AuthorBanned, id, changed.ChangedAt, null, null,
            Author: new WebhookAuthorChange(changed.AuthorId, changed.SiteId, changed.Until, changed.ModeratorId));
        return new WebhookEvent(
            id, changed.SiteId, $"author:{key}", WebhookEventTypes.AuthorBanned, changed.ChangedAt, JsonSerializer.Serialize(payload, Json));
    }

    private static WebhookEvent Create(
        Guid id, string type, DateTimeOffset occurredAt, Comment comment, string status, WebhookDecision decision)
    {
        var payload = new WebhookPayload(
            type,
            id,
            occurredAt,
            new WebhookComment(
                comment.Id,
                comment.SiteId,
                comment.ArticleId,
                new WebhookAuthor(comment.Author.Id, comment.Author.Name),
                comment.Body,
                comment.ParentId,
                comment.SubmittedAt,
                status),
            decision);
        return new WebhookEvent(id, comment.SiteId, CommentSubject(comment.Id), type, occurredAt, JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>The subject key of a comment's events.</summary>
    public static string CommentSubject(Guid commentId) => $"comment:{commentId:N}";

    private static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approve => "approve",
        DecisionOutcome.Reject => "reject",
        _ => "flag",
    };

    /// <summary>A name-based id (RFC 9562 version 8 layout over SHA-256): the same announcement always has the same id.</summary>
    private static Guid EventId(string kind, Guid commentId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"moderation-webhook:{kind}:{commentId:N}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
