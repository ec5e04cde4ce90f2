namespace Moderation.Review.Api.Models;

/// <summary>A decision's reason (one of GET /v1/review/reasons, required to reject) and optional free text.</summary>
public sealed record DecisionRequest(string? Reason, string? Note);
