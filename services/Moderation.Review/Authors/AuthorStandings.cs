using MassTransit;
using Moderation.Contracts;
using Moderation.Review.Api.Models;
using Moderation.Review.Sites;
using Moderation.Storage.Review;

namespace Moderation.Review.Authors;

/// <summary>
/// Sets an author's standing on a site: publishes <see cref="AuthorStandingChanged"/> (the worker applies it to the
/// author's next comment) and, once the broker confirmed it, records it in the audit, where the author panel reads it
/// back. A publish that fails changes nothing and the caller is told so.
/// </summary>
public sealed class AuthorStandings(IPublishEndpoint publish, IReviewAuditStore audit, IReviewCommentLogStore comments, SiteReviewSettings settings, TimeProvider clock)
{
    /// <summary>How many audit pages are read back looking for the latest standing.</summary>
    private const int MaxPagesScanned = 10;

    private static readonly Dictionary<ReviewItemStatus, AuthorStanding> StandingOf = new()
    {
        [ReviewItemStatus.AuthorBanned] = AuthorStanding.Banned,
        [ReviewItemStatus.AuthorPreModerated] = AuthorStanding.PreModerated,
        [ReviewItemStatus.AuthorTrusted] = AuthorStanding.Trusted,
        [ReviewItemStatus.AuthorCleared] = AuthorStanding.Normal,
    };

    public static string Name(AuthorStanding standing) => standing.ToString().ToLowerInvariant();

    public static bool TryParseStanding(string? value, out AuthorStanding standing)
    {
        standing = AuthorStanding.Normal;
        return value is not null && Enum.TryParse(value, ignoreCase: true, out standing) && Enum.IsDefined(standing) && !int.TryParse(value, out _);
    }

    /// <summary>Trust needs enough approved comments and no rejected one within the site's window.</summary>
    public bool TrustAllowed(string siteId, ReviewAuthorCounts counts)
    {
        var site = settings.For(siteId);
        return counts.Approved >= site.TrustAfterApproved &&
            (counts.LastRejectedAt is not { } rejected || rejected <= clock.GetUtcNow() - site.TrustWithoutRejectionFor);
    }

    public async Task<ReviewAuditEntry> SetAsync(
        string siteId, string authorId, AuthorStanding standing, int? days, string moderator, string? note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = standing == AuthorStanding.Banned && days is { } length ? now.AddDays(length) : null;
        await publish.Publish(new AuthorStandingChanged(siteId, authorId, standing, until, moderator, now), cancellationToken);
        var entry = new ReviewAuditEntry(
            NewId.NextGuid(), siteId, Guid.Empty, string.Empty, authorId, moderator, AuditOutcome(standing),
            standing == AuthorStanding.Banned ? until is { } end ? $"until {end:O}" : "permanent" : null,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), [], [], now);
        await audit.AppendAsync(entry, cancellationToken);
        return entry;
    }

    public async Task<ReviewAuditEntry> NoteAsync(string siteId, string authorId, string moderator, string note, CancellationToken cancellationToken)
    {
        var entry = new ReviewAuditEntry(
            NewId.NextGuid(), siteId, Guid.Empty, string.Empty, authorId, moderator, ReviewItemStatus.AuthorNote, null, note.Trim(), [], [], clock.GetUtcNow());
        await audit.AppendAsync(entry, cancellationToken);
        return entry;
    }

    public async Task<AuthorPanel> PanelAsync(string siteId, string authorId, int offset, int limit, CancellationToken cancellationToken)
    {
        var counts = await comments.CountByAuthorAsync(siteId, authorId, cancellationToken);
        var history = await comments.PageByAuthorAsync(siteId, authorId, offset, limit, cancellationToken);
        var actions = new List<ReviewAuditEntry>();
        AuthorStandingView? standing = null;
        ReviewAuditCursor? cursor = null;
        for (var page = 0; page < MaxPagesScanned && (standing is null || page == 0); page++)
        {
            var entries = await audit.QueryAsync(new ReviewAuditQuery([siteId], Limit: ReviewAuditQuery.MaxLimit, Before: cursor, AuthorId: authorId), cancellationToken);
            actions.AddRange(entries.Items.Where(entry => entry.Outcome is not (ReviewItemStatus.Approved or ReviewItemStatus.Rejected or ReviewItemStatus.Pending)));
            standing ??= entries.Items.Where(entry => StandingOf.ContainsKey(entry.Outcome)).Select(View).FirstOrDefault();
            if (entries.Next is null)
            {
                break;
            }

            cursor = entries.Next;
        }

        return new AuthorPanel(
            siteId,
            authorId,
            counts,
            standing ?? new AuthorStandingView(Name(AuthorStanding.Normal), null, null, null),
            TrustAllowed(siteId, counts),
            [.. actions.Take(50)],
            history,
            history.Count == limit ? offset + limit : null);
    }

    private AuthorStandingView View(ReviewAuditEntry entry)
    {
        var standing = StandingOf[entry.Outcome];
        DateTimeOffset? until = entry.Reason is { } reason && reason.StartsWith("until ", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(reason["until ".Length..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var end)
            ? end
            : null;
        if (standing == AuthorStanding.Banned && until is { } ended && ended <= clock.GetUtcNow())
        {
            standing = AuthorStanding.Normal;
        }

        return new AuthorStandingView(Name(standing), standing == AuthorStanding.Banned ? until : null, entry.Moderator, entry.At);
    }

    private static ReviewItemStatus AuditOutcome(AuthorStanding standing) => standing switch
    {
        AuthorStanding.Banned => ReviewItemStatus.AuthorBanned,
        AuthorStanding.PreModerated => ReviewItemStatus.AuthorPreModerated,
        AuthorStanding.Trusted => ReviewItemStatus.AuthorTrusted,
        _ => ReviewItemStatus.AuthorCleared,
    };
}
