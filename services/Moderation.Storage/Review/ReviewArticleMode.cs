namespace Moderation.Storage.Review;

/// <summary>
/// An article's moderation mode as Ingestion announced it: <see cref="Mode"/> is <c>normal</c>, <c>premoderate</c> or
/// <c>closed</c>; <see cref="Reason"/> what set it (<c>editor</c>, <c>surge</c>, <c>surge_ended</c>, <c>schedule</c>).
/// </summary>
public sealed record ReviewArticleMode(string Mode, string Reason, DateTimeOffset ChangedAt, DateTimeOffset? Until);
