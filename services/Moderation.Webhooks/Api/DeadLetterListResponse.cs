namespace Moderation.Webhooks.Api;

public sealed record DeadLetterListResponse(IReadOnlyList<DeadLetterResponse> Items);
