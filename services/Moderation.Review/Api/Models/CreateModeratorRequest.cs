namespace Moderation.Review.Api.Models;

public sealed record CreateModeratorRequest(string? Username, string? Password, string? Role, IReadOnlyList<string>? Sites);
