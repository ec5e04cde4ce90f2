using Moderation.Contracts;
using Moderation.Rules;
using Moderation.ServiceDefaults.Messaging;
using Moderation.Storage.Activity;
using Moderation.Worker.Standing;

namespace Moderation.Worker.Moderating;

/// <summary>
/// Decides one submitted comment on the author history its message carries (every earlier comment of the author on
/// the site, as Ingestion appended them), so the decision does not depend on which worker takes it or when. The
/// author's standing (ban, pre-moderation, trust), as moderators last set it, then adjusts the rules' outcome.
/// </summary>
public sealed class CommentModerator(
    IRuleSetProvider ruleSets,
    ModerationEngine engine,
    IAuthorActivityStore activity,
    IAuthorStandingStore standings,
    TimeProvider clock)
{
    /// <summary>The hit a comment held by its article's pre-moderation carries; its match is what set the mode.</summary>
    public const string PremoderateRule = "article.premoderate";

    public async Task<ModerationDecision> DecideAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        var comment = Validate(message);
        var ruleSet = ruleSets.ForSite(comment.SiteId, comment.Section);

        var history = message.AuthorHistory is { } carried
            ? FromMessage(carried, comment, ruleSet.LookbackWindow)
            : await FromStoreAsync(comment, ruleSet.LookbackWindow, cancellationToken);

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

        var standing = await standings.GetAsync(comment.SiteId, comment.Author.Id, cancellationToken);
        var (outcome, hits) = standing is null
            ? (decision.Outcome, decision.Hits)
            : AuthorStandingPolicy.Apply(decision.Outcome, decision.Hits, standing.At(comment.SubmittedAt));

        // A pre-moderated article holds what the rules (and the author's standing) would approve; the hit says why.
        if (message.HoldReason is { } hold && outcome == DecisionOutcome.Approve)
        {
            outcome = DecisionOutcome.Flag;
            hits = [.. hits, new RuleHit(PremoderateRule, "article", "low", 0, 0, hold)];
        }

        return new ModerationDecision(outcome, decision.Score, hits, decision.RulesetVersion, clock.GetUtcNow());
    }

    /// <summary>
    /// Decides a published comment again with its number of reader reports, so <c>reports_at_least</c> rules act. The
    /// author's history and signals are not at hand (the rules that read them stay silent); the author's standing is
    /// applied as at the comment's time.
    /// </summary>
    public async Task<ModerationDecision> RedecideAsync(CommentReportsCounted message, CancellationToken cancellationToken)
    {
        var comment = message.Comment is { Id: var id, SiteId.Length: > 0, Author.Id.Length: > 0, Body: not null } valid && id != Guid.Empty
            ? valid
            : throw new MessageValidationException("CommentReportsCounted misses its comment's id, site, author or body.");
        if (message.OpenReports < 0)
        {
            throw new MessageValidationException($"CommentReportsCounted {comment.Id} has a negative report count.");
        }

        var ruleSet = ruleSets.ForSite(comment.SiteId, comment.Section);
        var decision = engine.Decide(
            new CommentToModerate(comment.Id, comment.SiteId, comment.Author.Id, comment.Body, comment.SubmittedAt, ReaderReports: message.OpenReports),
            ruleSet,
            []);

        var standing = await standings.GetAsync(comment.SiteId, comment.Author.Id, cancellationToken);
        var (outcome, hits) = standing is null
            ? (decision.Outcome, decision.Hits)
            : AuthorStandingPolicy.Apply(decision.Outcome, decision.Hits, standing.At(comment.SubmittedAt));
        return new ModerationDecision(outcome, decision.Score, hits, decision.RulesetVersion, clock.GetUtcNow());
    }

    /// <summary>
    /// Ingestion appended the comment to its author's history and read what came before in one atomic step, so the
    /// message holds every earlier comment. Two submits racing may have taken their times in the other order than their
    /// appends; an entry appended before is earlier, so its time counts as at most this comment's.
    /// </summary>
    private static List<PriorComment> FromMessage(IReadOnlyList<PriorSubmission> carried, Comment comment, TimeSpan lookback) =>
        [.. carried
            .Where(prior => prior.CommentId != comment.Id && prior.Body is not null && prior.SubmittedAt >= comment.SubmittedAt - lookback)
            .Select(prior => new PriorComment(prior.CommentId, prior.SubmittedAt > comment.SubmittedAt ? comment.SubmittedAt : prior.SubmittedAt, prior.Body))];

    /// <summary>
    /// A message from an Ingestion that sends no history: record the comment in the shared store, then read the
    /// author's history there. Two such messages decided at once may miss each other.
    /// </summary>
    private async Task<IReadOnlyList<PriorComment>> FromStoreAsync(Comment comment, TimeSpan lookback, CancellationToken cancellationToken)
    {
        await activity.RecordAsync(
            new AuthorActivity(comment.Id, comment.SiteId, comment.Author.Id, comment.SubmittedAt, comment.Body), cancellationToken);
        if (lookback <= TimeSpan.Zero)
        {
            return [];
        }

        var recent = await activity.ListAsync(
            comment.SiteId, comment.Author.Id, comment.SubmittedAt - lookback, comment.SubmittedAt, cancellationToken);
        return [.. recent
            .Where(earlier => IsBefore(earlier, comment))
            .Select(earlier => new PriorComment(earlier.CommentId, earlier.SubmittedAt, earlier.Text))];
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
