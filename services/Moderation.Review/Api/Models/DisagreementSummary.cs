namespace Moderation.Review.Api.Models;

/// <summary>
/// How often two moderators disagree: of the comments decided by two moderators or more, those where a later decision
/// by another moderator reached the other outcome; <paramref name="Authors"/> lists whose comments it happened on most.
/// </summary>
public sealed record DisagreementSummary(int CommentsDecidedByTwo, int Disagreed, double? Rate, IReadOnlyList<AuthorDisagreement> Authors);
