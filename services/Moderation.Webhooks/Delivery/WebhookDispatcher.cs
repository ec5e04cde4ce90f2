using Microsoft.Extensions.Options;
using Moderation.Webhooks.Sites;
using Moderation.Webhooks.Storage;

namespace Moderation.Webhooks.Delivery;

/// <summary>
/// Sends the stored events, at least once each: takes the due ones (each the earliest pending event of its comment),
/// sends them, and records the outcome. A failed event is tried again later with growing waits; one still failing
/// <c>Webhooks:GiveUpAfter</c> after its first failure goes to its site's dead-letter list. Replicas share the work
/// through the store's leases.
/// </summary>
public sealed partial class WebhookDispatcher(
    IWebhookStore store,
    WebhookSender sender,
    IOptionsMonitor<WebhookSitesOptions> sites,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private DateTimeOffset _nextPurge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                await PurgeWhenDueAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogStoreFailed(logger, exception);
            }

            if (sent == 0)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims the due events and sends them; returns how many it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await store.ClaimDueAsync(clock.GetUtcNow(), settings.LeaseDuration, _owner, settings.Concurrency, cancellationToken)
            .ConfigureAwait(false);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (delivery, token) => await DeliverAsync(delivery, settings, token).ConfigureAwait(false)).ConfigureAwait(false);
        return due.Count;
    }

    // Delivered events are kept a while for GET .../events/{id}, then deleted so the store does not grow without end.
    private async Task PurgeWhenDueAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + TimeSpan.FromHours(1);
        await store.PurgeDeliveredAsync(now - settings.KeepDelivered, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeliverAsync(WebhookDelivery delivery, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var webhookEvent = delivery.Event;
        var endpoint = sites.CurrentValue.Find(webhookEvent.SiteId);
        var result = endpoint is null
            ? DeliveryResult.Failure($"Site '{webhookEvent.SiteId}' has no webhook configured any more.")
            : await sender.SendAsync(webhookEvent, endpoint, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        if (result.Delivered)
        {
            await store.MarkDeliveredAsync(webhookEvent.Id, _owner, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var firstFailedAt = delivery.FirstFailedAt ?? now;
        if (endpoint is null || now - firstFailedAt >= settings.GiveUpAfter)
        {
            LogDeadLettered(logger, webhookEvent.Id, webhookEvent.SiteId, delivery.Attempts + 1, result.Error);
            await store.DeadLetterAsync(webhookEvent.Id, _owner, now, result.Error!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var wait = RetrySchedule.Delay(delivery.Attempts + 1, settings, Random.Shared.NextDouble());
        LogRetrying(logger, webhookEvent.Id, webhookEvent.SiteId, result.Error, wait);
        await store.RescheduleAsync(webhookEvent.Id, _owner, firstFailedAt, now + wait, result.Error!, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook store unavailable; trying again shortly")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} to site {SiteId} failed ({Error}); next attempt in {Wait}")]
    private static partial void LogRetrying(ILogger logger, Guid eventId, string siteId, string? error, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} to site {SiteId} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid eventId, string siteId, int attempts, string? error);
}
