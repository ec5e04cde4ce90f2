namespace Moderation.Storage.Publishing;

/// <summary>One page of an article's comments; <see cref="Next"/> is null on the last page.</summary>
public sealed record CommentPage(IReadOnlyList<PublishedComment> Items, CommentPageCursor? Next);
