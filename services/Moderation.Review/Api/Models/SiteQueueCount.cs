namespace Moderation.Review.Api.Models;

public sealed record SiteQueueCount(string SiteId, long Pending);
