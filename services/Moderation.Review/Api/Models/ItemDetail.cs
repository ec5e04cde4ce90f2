using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>
/// Everything the console shows for one item. Hit spans index <see cref="Body"/> in UTF-16 code units. The thread around
/// it: <see cref="Parent"/>, its <see cref="Replies"/> and the article's comments just before and after it
/// (<see cref="Around"/>, oldest first), each with its outcome.
/// </summary>
public sealed record ItemDetail(
    Guid Id,
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset QueuedAt,
    string Status,
    double Score,
    string RulesetVersion,
    IReadOnlyList<RuleHit> Hits,
    ReviewLease? Lease,
    ModeratorDecision? Review,
    ReviewComment? Parent,
    IReadOnlyList<ReviewComment> AuthorHistory,
    ArticleSummary? Article = null,
    IReadOnlyList<ReviewComment>? Replies = null,
    IReadOnlyList<ReviewComment>? Around = null,
    CommentLinks? Links = null);
