namespace Moderation.Client.Models;

/// <summary>One page of an article's approved comments; pass <paramref name="Next"/> back for the following page.</summary>
public sealed record CommentPage(IReadOnlyList<PublishedComment> Items, string? Next);
