namespace Moderation.Ingestion.Erasure;

/// <summary>The erasure was recorded and announced; every service erases the author from its own stores shortly after.</summary>
public sealed record EraseAuthorResponse(string SiteId, DateTimeOffset ErasedAt);
