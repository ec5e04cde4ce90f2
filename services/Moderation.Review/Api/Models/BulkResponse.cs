namespace Moderation.Review.Api.Models;

/// <param name="Skipped">Matching items another moderator held, left pending.</param>
public sealed record BulkResponse(string Action, int Decided, int Skipped);
