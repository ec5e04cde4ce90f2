using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>Everything the console shows for one item. Hit spans index <see cref="Body"/> in UTF-16 code units.</summary>
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
    IReadOnlyList<ReviewComment> AuthorHistory);
