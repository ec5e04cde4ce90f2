using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.ServiceDefaults.Sites;
using Moderation.Webhooks.Storage;

namespace Moderation.Webhooks.Api;

/// <summary>A site's dead-letter list: read it, replay one event or all. Reached with the site's own API key only.</summary>
public static class DeadLetterEndpoints
{
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<DeadLetterListResponse>, NotFound, ProblemHttpResult>> ListAsync(
        string siteId, int? limit, HttpContext http, IWebhookStore store, CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid query",
                detail: $"limit must be between 1 and {MaxLimit}.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["limit"] = [$"1 to {MaxLimit}"] } });
        }

        var items = await store.ListDeadLettersAsync(siteId, limit ?? 100, cancellationToken);
        return TypedResults.Ok(new DeadLetterListResponse(items.Select(ToResponse).ToList()));
    }

    public static async Task<Results<Accepted<ReplayResponse>, NotFound>> ReplayOneAsync(
        string siteId, string eventId, HttpContext http, IWebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId) || !Guid.TryParse(eventId, out var id) ||
            !await store.ReplayAsync(siteId, id, clock.GetUtcNow(), cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Accepted($"/v1/sites/{siteId}/webhooks/events/{id}", new ReplayResponse(1));
    }

    public static async Task<Results<Accepted<ReplayResponse>, NotFound>> ReplayAllAsync(
        string siteId, HttpContext http, IWebhookStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        var replayed = await store.ReplayAllAsync(siteId, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Accepted((string?)null, new ReplayResponse(replayed));
    }

    public static async Task<Results<Ok<WebhookDeliveryResponse>, NotFound>> GetEventAsync(
        string siteId, string eventId, HttpContext http, IWebhookStore store, CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId) || !Guid.TryParse(eventId, out var id) ||
            await store.GetAsync(id, cancellationToken) is not { } delivery || delivery.Event.SiteId != siteId)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new WebhookDeliveryResponse(
            delivery.Event.Id,
            delivery.Event.Type,
            delivery.Status switch
            {
                DeliveryStatus.Delivered => "delivered",
                DeliveryStatus.DeadLettered => "dead_lettered",
                _ => "pending",
            },
            delivery.Attempts,
            delivery.Event.OccurredAt,
            delivery.Status == DeliveryStatus.Pending ? delivery.DueAt : null,
            delivery.LastError));
    }

    private static DeadLetterResponse ToResponse(WebhookDelivery delivery)
    {
        using var body = JsonDocument.Parse(delivery.Event.Body);
        return new DeadLetterResponse(
            delivery.Event.Id,
            delivery.Event.Type,
            delivery.Event.OccurredAt,
            delivery.Attempts,
            delivery.FirstFailedAt,
            delivery.FinishedAt,
            delivery.LastError,
            body.RootElement.Clone());
    }
}
