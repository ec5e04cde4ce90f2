namespace Moderation.Review.Api.Models;

public sealed record TokenView(Guid Id, string Name, DateTimeOffset CreatedAt, bool Revoked);
