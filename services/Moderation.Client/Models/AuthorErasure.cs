namespace Moderation.Client.Models;

/// <summary>
/// An erasure was recorded at <paramref name="ErasedAt"/>: from then on nothing of the author is written again, and every
/// service removes what it holds shortly after (the site's webhook gets <c>author.erased</c> once it is done there).
/// </summary>
public sealed record AuthorErasure(string SiteId, DateTimeOffset ErasedAt);
