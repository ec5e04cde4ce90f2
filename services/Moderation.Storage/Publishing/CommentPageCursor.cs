namespace Moderation.Storage.Publishing;

/// <summary>Position after the last item of a page: the read order is (PublishedAt, Id), reversed for newest first.</summary>
public sealed record CommentPageCursor(DateTimeOffset PublishedAt, Guid Id);
