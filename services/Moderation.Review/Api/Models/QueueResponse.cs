namespace Moderation.Review.Api.Models;

/// <param name="NextOffset">The offset of the next page, or null when this page was the last.</param>
public sealed record QueueResponse(string SiteId, long Pending, IReadOnlyList<QueueItemSummary> Items, int? NextOffset);
