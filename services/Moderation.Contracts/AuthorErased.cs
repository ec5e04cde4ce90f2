namespace Moderation.Contracts;

/// <summary>
/// A site asked that everything of one of its authors be erased (GDPR Article 17). Each service erases the author's
/// comments, names and activity from its own stores, and keeps a record keyed by a hash of (site, author) so that a
/// redelivered or replayed event of that author brings nothing back.
/// </summary>
public sealed record AuthorErased(string SiteId, string AuthorId, DateTimeOffset ErasedAt);
