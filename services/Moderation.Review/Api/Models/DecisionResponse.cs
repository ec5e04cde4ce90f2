namespace Moderation.Review.Api.Models;

public sealed record DecisionResponse(Guid Id, string Status);
