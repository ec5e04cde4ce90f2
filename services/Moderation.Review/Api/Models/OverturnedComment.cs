namespace Moderation.Review.Api.Models;

public sealed record OverturnedComment(Guid Id, string ArticleId, string AuthorName, string Excerpt, string Moderator, DateTimeOffset DecidedAt);
