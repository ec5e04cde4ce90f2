namespace Moderation.Review.Api.Models;

public sealed record AntiforgeryResponse(string Token, string HeaderName);
