namespace Moderation.Review.Api.Models;

public sealed record SignInRequest(string? Username, string? Password);
