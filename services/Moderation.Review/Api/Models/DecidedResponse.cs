namespace Moderation.Review.Api.Models;

/// <param name="NextOffset">The offset of the next page, or null when this page was the last.</param>
public sealed record DecidedResponse(string SiteId, IReadOnlyList<DecidedItemSummary> Items, int? NextOffset);
