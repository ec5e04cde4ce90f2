using Moderation.Contracts;
using Moderation.Rules;
using Moderation.ServiceDefaults.Messaging;
using Moderation.Storage.Activity;

namespace Moderation.Worker.Moderating;

/// <summary>
/// Decides one submitted comment. The author's history lives in the shared store, and this comment is recorded there
/// before the history is read, so two replicas deciding two of one author's comments at once both see both; "earlier"
/// is decided by (SubmittedAt, Id), which every replica computes the same way.
/// </summary>
public sealed class CommentModerator(
    IRuleSetProvider ruleSets,
    ModerationEngine engine,
    IAuthorActivityStore activity,
    TimeProvider clock)
{
    public async Task<ModerationDecision> DecideAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        var comment = Validate(message);
        var ruleSet = ruleSets.ForSite(comment.SiteId);

        await activity.RecordAsync(
            new AuthorActivity(comment.Id, comment.SiteId, comment.Author.Id, comment.SubmittedAt, comment.Body), cancellationToken);

        IReadOnlyList<PriorComment> history = [];
        if (ruleSet.LookbackWindow > TimeSpan.Zero)
        {
            var recent = await activity.ListAsync(
                comment.SiteId, comment.Author.Id, comment.SubmittedAt - ruleSet.LookbackWindow, comment.SubmittedAt, cancellationToken);
            history = recent
                .Where(earlier => IsBefore(earlier, comment))
                .Select(earlier => new PriorComment(earlier.CommentId, earlier.SubmittedAt, earlier.Text))
                .ToList();
        }

        var signals = message.AuthorSignals;
        var decision = engine.Decide(
            new CommentToModerate(
                comment.Id,
                comment.SiteId,
                comment.Author.Id,
                comment.Body,
                comment.SubmittedAt,
                signals?.AccountAgeDays,
                signals?.ApprovedComments),
            ruleSet,
            history);

        return new ModerationDecision(decision.Outcome, decision.Score, decision.Hits, decision.RulesetVersion, clock.GetUtcNow());
    }

    private static bool IsBefore(AuthorActivity earlier, Comment comment) =>
        earlier.CommentId != comment.Id &&
        (earlier.SubmittedAt < comment.SubmittedAt ||
         (earlier.SubmittedAt == comment.SubmittedAt && earlier.CommentId.CompareTo(comment.Id) < 0));

    /// <summary>A message that misses what every comment has can never be decided: it goes to the error queue unretried.</summary>
    private static Comment Validate(CommentSubmitted message)
    {
        var comment = message.Comment
            ?? throw new MessageValidationException("CommentSubmitted has no comment.");
        if (comment.Id == Guid.Empty || string.IsNullOrEmpty(comment.SiteId) || string.IsNullOrEmpty(comment.ArticleId) ||
            comment.Author is null || string.IsNullOrEmpty(comment.Author.Id) || comment.Body is null)
        {
            throw new MessageValidationException($"CommentSubmitted {comment.Id} misses its id, site, article, author or body.");
        }

        return comment;
    }
}
