namespace Moderation.Review.Api.Models;

public sealed record AuthorDisagreement(string AuthorId, int Disagreed);
