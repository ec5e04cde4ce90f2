namespace Moderation.Review.Api.Models;

public sealed record QueueResponse(string SiteId, long Pending, IReadOnlyList<QueueItemSummary> Items);
