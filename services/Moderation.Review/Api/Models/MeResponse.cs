namespace Moderation.Review.Api.Models;

public sealed record MeResponse(string Username, string Role, IReadOnlyList<string> Sites);
