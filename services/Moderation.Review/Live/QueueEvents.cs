using System.Text;
using Microsoft.Extensions.Options;
using Moderation.Review.Auth;
using Moderation.Storage.Review;

namespace Moderation.Review.Live;

/// <summary>
/// Server-sent events for one site's queue: every poll interval the connection reads the store and sends a
/// <c>queue</c> event when the pending items changed. Polling the store (not an in-process signal) means a flagged
/// comment queued through any Review replica reaches every console.
/// </summary>
public static class QueueEvents
{
    private const int WatchedItems = 100;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapQueueEvents(this RouteGroupBuilder review) => review.MapGet("/sites/{siteId}/events", StreamAsync);

    private static async Task StreamAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, ReviewPrincipals principals, IOptions<ReviewOptions> options, TimeProvider clock)
    {
        if (!http.User.CanReview(siteId))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx must pass events through as they are written
        await http.Response.WriteAsync("retry: 2000\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);

        using var timer = new PeriodicTimer(options.Value.LivePollInterval, clock);
        string? last = null;
        var quietSince = clock.GetUtcNow();
        try
        {
            do
            {
                // The stream outlives the request's authentication: ask again on every poll, and end it as soon as
                // the session, the account or its right to this site is gone.
                var current = await principals.CurrentAsync(http.User, http.RequestAborted);
                if (current is null || !current.CanReview(siteId))
                {
                    await http.Response.WriteAsync("event: ended\ndata: {}\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                    return;
                }

                var items = await queue.QueryPendingAsync(new ReviewQueueQuery(siteId, Limit: WatchedItems), http.RequestAborted);
                var count = await queue.CountPendingAsync(siteId, http.RequestAborted);
                var signature = Signature(items, count);
                if (signature != last)
                {
                    last = signature;
                    quietSince = clock.GetUtcNow();
                    await http.Response.WriteAsync($"event: queue\ndata: {{\"siteId\":\"{Escape(siteId)}\",\"pending\":{count}}}\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
                else if (clock.GetUtcNow() - quietSince >= KeepAlive)
                {
                    quietSince = clock.GetUtcNow();
                    await http.Response.WriteAsync(": keep-alive\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            while (await timer.WaitForNextTickAsync(http.RequestAborted));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The console closed the connection.
        }
    }

    // Leases are part of the signature, so a console also learns when another moderator takes or frees an item.
    private static string Signature(IReadOnlyList<ReviewItem> items, long count)
    {
        var text = new StringBuilder().Append(count);
        foreach (var item in items)
        {
            text.Append('|').Append(item.Comment.Id).Append(item.Lease?.Moderator).Append(item.Lease?.ExpiresAt.ToUnixTimeSeconds());
        }

        return text.ToString();
    }

    private static string Escape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();
}
