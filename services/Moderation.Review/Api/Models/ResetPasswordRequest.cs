namespace Moderation.Review.Api.Models;

public sealed record ResetPasswordRequest(string? NewPassword);
