namespace Moderation.Review.Api.Models;

public sealed record BulkCountResponse(long Count);
