namespace Moderation.Review.Api.Models;

/// <summary>Only the fields given change.</summary>
public sealed record UpdateModeratorRequest(string? Role, IReadOnlyList<string>? Sites, bool? Disabled);
