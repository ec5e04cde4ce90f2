using Moderation.Review.Api.Models;
using Moderation.Storage.Review;

namespace Moderation.Review.Desk;

/// <summary>
/// Moderator activity, service level and rule quality of one site, computed on request from the audit log (read by its
/// (site, time) index) and the decided items (by their (site, decision time) index), both bounded to the last
/// <see cref="MaxDays"/> days: the work grows with the decisions in the window, never with the whole history.
/// </summary>
public sealed class DeskReports(IReviewQueueStore queue, IReviewAuditStore audit, TimeProvider clock)
{
    /// <summary>The longest window: decided items are kept 30 days (Review:DecidedRetention) by default.</summary>
    public const int MaxDays = 30;

    private const int Page = 500;
    private const int MaxOverturnedShown = 20;
    private const int MaxAuthorsShown = 20;

    public async Task<ActivityReport> ActivityAsync(string siteId, int days, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = now - TimeSpan.FromDays(days);
        var decisions = await DecisionsAsync(siteId, from, now, cancellationToken);
        var items = (await DecidedItemsAsync(siteId, from, cancellationToken)).ToDictionary(item => item.Comment.Id);

        // Each comment's first decision in the window: what its time to decision is measured to.
        var firsts = decisions.GroupBy(entry => entry.CommentId).Select(group => group.MinBy(entry => entry.At)!).ToList();
        var moderators = decisions
            .GroupBy(entry => entry.Moderator)
            .Select(group => new ModeratorActivity(
                group.Key,
                group.Count(),
                Math.Round(group.Count() / (double)days, 2),
                Percentile(
                    [.. firsts.Where(entry => entry.Moderator == group.Key && items.ContainsKey(entry.CommentId))
                        .Select(entry => (entry.At - items[entry.CommentId].QueuedAt).TotalSeconds)],
                    0.5)))
            .OrderByDescending(activity => activity.Decisions)
            .ThenBy(activity => activity.Moderator, StringComparer.Ordinal)
            .ToList();

        var queues = new List<QueueServiceLevel>();
        foreach (var reported in new[] { false, true })
        {
            var waits = new List<double>();
            foreach (var entry in firsts)
            {
                if (items.TryGetValue(entry.CommentId, out var item) && item.Reports > 0 == reported)
                {
                    waits.Add((entry.At - (reported ? item.QueuedAt : item.Comment.SubmittedAt)).TotalSeconds);
                }
            }

            queues.Add(new QueueServiceLevel(reported ? "reported" : "flagged", waits.Count, Percentile(waits, 0.5), Percentile(waits, 0.9)));
        }

        var counts = await queue.CountPendingByAsync(siteId, cancellationToken);
        var pending = new PendingServiceLevel(
            counts.Pending,
            counts.OldestQueuedAt,
            counts.OldestQueuedAt is { } oldest ? (long)Math.Max(0, (now - oldest).TotalSeconds) : null);
        return new ActivityReport(siteId, days, from, now, moderators, queues, pending, Disagreements(decisions));
    }

    public async Task<RuleQualityReport> RuleQualityAsync(string siteId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = await DecidedItemsAsync(siteId, now - TimeSpan.FromDays(MaxDays), cancellationToken);
        var waiting = (await queue.CountPendingByAsync(siteId, cancellationToken)).Rules.ToDictionary(count => count.Key, count => count.Count);
        var windows = new List<RuleQualityWindow>();
        foreach (var days in new[] { 7, MaxDays })
        {
            var since = now - TimeSpan.FromDays(days);

            // Comments the rules held (not the reported view: readers, not a rule, put those there), newest decision first.
            var held = items.Where(item => item.Reports == 0 && item.Review!.DecidedAt >= since).ToList();
            var rules = held
                .SelectMany(item => item.Decision.Hits.Select(hit => hit.Rule).Distinct().Select(rule => (Rule: rule, Item: item)))
                .GroupBy(pair => pair.Rule, StringComparer.Ordinal)
                .Select(group =>
                {
                    var overturned = group.Where(pair => pair.Item.Status == ReviewItemStatus.Approved).Select(pair => pair.Item).ToList();
                    var decided = group.Count();
                    return new RuleQuality(
                        group.Key,
                        decided,
                        overturned.Count,
                        decided - overturned.Count,
                        Math.Round(overturned.Count / (double)decided, 4),
                        waiting.GetValueOrDefault(group.Key),
                        [.. overturned.Take(MaxOverturnedShown).Select(item => new OverturnedComment(
                            item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Name, Excerpt(item.Comment.Body), item.Review!.ModeratorId, item.Review.DecidedAt))]);
                })
                .OrderByDescending(rule => rule.OverturnRate)
                .ThenByDescending(rule => rule.Decided)
                .ThenBy(rule => rule.Rule, StringComparer.Ordinal)
                .ToList();
            windows.Add(new RuleQualityWindow(days, rules));
        }

        return new RuleQualityReport(siteId, now, windows);
    }

    /// <summary>Comments decided by two moderators or more, and those where a later one by someone else reached the other outcome.</summary>
    private static DisagreementSummary Disagreements(List<ReviewAuditEntry> decisions)
    {
        var byTwo = 0;
        var disagreedByAuthor = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var comment in decisions.GroupBy(entry => entry.CommentId))
        {
            var ordered = comment.OrderBy(entry => entry.At).ToList();
            if (ordered.Select(entry => entry.Moderator).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            byTwo++;
            if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.Moderator != pair.Second.Moderator && pair.First.Outcome != pair.Second.Outcome))
            {
                disagreedByAuthor[ordered[0].AuthorId] = disagreedByAuthor.GetValueOrDefault(ordered[0].AuthorId) + 1;
            }
        }

        var disagreed = disagreedByAuthor.Values.Sum();
        return new DisagreementSummary(
            byTwo,
            disagreed,
            byTwo == 0 ? null : Math.Round(disagreed / (double)byTwo, 4),
            [.. disagreedByAuthor.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(MaxAuthorsShown).Select(pair => new AuthorDisagreement(pair.Key, pair.Value))]);
    }

    /// <summary>The site's decisions (approve or reject; not the author actions) in [from, to), newest first.</summary>
    private async Task<List<ReviewAuditEntry>> DecisionsAsync(string siteId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var entries = new List<ReviewAuditEntry>();
        ReviewAuditCursor? before = null;
        do
        {
            var page = await audit.QueryAsync(
                new ReviewAuditQuery([siteId], From: from, To: to, Limit: ReviewAuditQuery.MaxLimit, Before: before), cancellationToken);
            entries.AddRange(page.Items.Where(entry => entry.Outcome is ReviewItemStatus.Approved or ReviewItemStatus.Rejected));
            before = page.Next;
        }
        while (before is not null);
        return entries;
    }

    /// <summary>The site's decided items whose last decision is at or after <paramref name="from"/>, newest first.</summary>
    private async Task<List<ReviewItem>> DecidedItemsAsync(string siteId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        for (var offset = 0; ; offset += Page)
        {
            var page = await queue.QueryDecidedAsync(siteId, null, offset, Page, cancellationToken);
            foreach (var item in page)
            {
                if (item.Review!.DecidedAt < from)
                {
                    return items;
                }

                items.Add(item);
            }

            if (page.Count < Page)
            {
                return items;
            }
        }
    }

    private static double? Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return Math.Round(values[(int)Math.Ceiling(fraction * values.Count) - 1], 1);
    }

    private static string Excerpt(string body) => body.Length <= 160 ? body : body[..160] + "…";
}
