namespace Moderation.Webhooks.Api;

/// <summary>How many dead-lettered events were put back in line for delivery.</summary>
public sealed record ReplayResponse(int Replayed);
