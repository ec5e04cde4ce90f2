namespace Moderation.Storage.Activity;

/// <summary>
/// One comment an author submitted, as the rules that look back (duplicates, flood) need it.
/// Kept in a store every worker replica shares, so replicas agree.
/// </summary>
public sealed record AuthorActivity(Guid CommentId, string SiteId, string AuthorId, DateTimeOffset SubmittedAt, string Text);
