using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Webhooks.Storage;

/// <summary>One event in the <c>webhook_events</c> collection; <c>_id</c> is the event id.</summary>
internal sealed class WebhookEventDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string SiteId { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string Body { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? FirstFailedAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? FinishedAt { get; set; }
}
