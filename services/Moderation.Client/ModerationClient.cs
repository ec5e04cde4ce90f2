using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Client.Models;

namespace Moderation.Client;

/// <summary>
/// A site backend's view of the Moderation API, for one site. Give it an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the API's base URL (from <c>IHttpClientFactory</c> in a long-lived app), or use
/// <see cref="Create"/>. Errors are thrown as <see cref="ModerationApiException"/>; a missing comment is <c>null</c>.
/// </summary>
public sealed class ModerationClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string _siteId;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>A client for site <paramref name="siteId"/> with its API key, over <paramref name="http"/> (whose base address is the API's).</summary>
    public ModerationClient(HttpClient http, string siteId, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = http;
        _siteId = siteId;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>A client with its own <see cref="HttpClient"/> on <paramref name="baseAddress"/>.</summary>
    public static ModerationClient Create(Uri baseAddress, string siteId, string apiKey) =>
        new(new HttpClient { BaseAddress = baseAddress }, siteId, apiKey);

    /// <summary>The site this client acts for.</summary>
    public string SiteId => _siteId;

    /// <summary>
    /// Submits a comment: answered once the system holds it. With an <paramref name="idempotencyKey"/>, sending the same
    /// comment again (after a timeout or a 503) returns the same id and creates nothing new.
    /// </summary>
    public async Task<SubmittedComment> SubmitAsync(
        string articleId, NewComment comment, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comment);
        using var request = Request(HttpMethod.Post, $"v1/sites/{Escape(_siteId)}/articles/{Escape(articleId)}/comments");
        request.Content = JsonContent.Create(comment, options: Json);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return (await SendAsync<SubmittedComment>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Where a comment is and why; null when this site has no such comment.</summary>
    public async Task<CommentStatus?> GetStatusAsync(Guid commentId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"v1/comments/{commentId}");
        return await SendAsync<CommentStatus>(request, cancellationToken, nullOnNotFound: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a comment on behalf of its author (<paramref name="authorId"/>: the author it was submitted with; another
    /// id is refused with 403). Final, and safe to send again. Null when this site has no such comment.
    /// </summary>
    public async Task<DeletedComment?> DeleteAsync(Guid commentId, string authorId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Delete, $"v1/comments/{commentId}?authorId={Escape(authorId)}");
        return await SendAsync<DeletedComment>(request, cancellationToken, nullOnNotFound: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Reports a comment on behalf of a reader (<paramref name="reporterId"/>, the reader's id on the site). The same reader
    /// counts once, so sending a report again (after a timeout or a 503) is safe. Null when this site has no such comment.
    /// </summary>
    public async Task<ReportResult?> ReportAsync(
        Guid commentId, string reporterId, ReportReason reason, string? note = null, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Post, $"v1/comments/{commentId}/reports");
        var reasonName = reason switch
        {
            ReportReason.Spam => "spam",
            ReportReason.Abuse => "abuse",
            ReportReason.OffTopic => "off_topic",
            _ => "other",
        };
        request.Content = JsonContent.Create(new { reporterId, reason = reasonName, note }, options: Json);
        return await SendAsync<ReportResult>(request, cancellationToken, nullOnNotFound: true).ConfigureAwait(false);
    }

    /// <summary>The article's moderation mode now, and what set it.</summary>
    public async Task<ArticleModeration> GetArticleModerationAsync(string articleId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"v1/sites/{Escape(_siteId)}/articles/{Escape(articleId)}/moderation");
        return (await SendAsync<ArticleModeration>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Sets the article's mode as an editor: <c>premoderate</c>, <c>normal</c> or <c>closed</c> (new comments are then
    /// refused with 409), or <c>auto</c> to follow the site's schedule and surge again. Safe to repeat.
    /// </summary>
    public async Task<ArticleModeration> SetArticleModerationAsync(string articleId, string mode, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Put, $"v1/sites/{Escape(_siteId)}/articles/{Escape(articleId)}/moderation");
        request.Content = JsonContent.Create(new { mode }, options: Json);
        return (await SendAsync<ArticleModeration>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Erases one of the site's authors (GDPR Article 17): their comments, names and activity leave every store; replies
    /// to their comments stay, under a parent that is no longer shown. Safe to repeat.
    /// </summary>
    public async Task<AuthorErasure> EraseAuthorAsync(string authorId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Delete, $"v1/sites/{Escape(_siteId)}/authors/{Escape(authorId)}");
        return (await SendAsync<AuthorErasure>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The site's counts of the comments submitted in [<paramref name="from"/>, <paramref name="to"/>) (default: the 30 days
    /// before now), per UTC day or, with <paramref name="byArticle"/>, per article. A range is at most 366 days.
    /// </summary>
    public async Task<SiteStats> GetStatsAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, bool byArticle = false, CancellationToken cancellationToken = default)
    {
        var query = $"?by={(byArticle ? "article" : "day")}";
        if (from is { } start)
        {
            query += $"&from={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}";
        }

        if (to is { } end)
        {
            query += $"&to={Uri.EscapeDataString(end.ToString("O", CultureInfo.InvariantCulture))}";
        }

        using var request = Request(HttpMethod.Get, $"v1/sites/{Escape(_siteId)}/stats{query}");
        return (await SendAsync<SiteStats>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>One page of an article's approved comments (<paramref name="limit"/> 1–200).</summary>
    public async Task<CommentPage> ListCommentsAsync(
        string articleId, int limit = 50, CommentOrder order = CommentOrder.Oldest, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = $"?limit={limit.ToString(CultureInfo.InvariantCulture)}&order={(order == CommentOrder.Newest ? "newest" : "oldest")}";
        if (cursor is not null)
        {
            query += $"&cursor={Uri.EscapeDataString(cursor)}";
        }

        using var request = Request(HttpMethod.Get, $"v1/sites/{Escape(_siteId)}/articles/{Escape(articleId)}/comments{query}");
        return (await SendAsync<CommentPage>(request, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Every approved comment of an article, page after page.</summary>
    public async IAsyncEnumerable<PublishedComment> ListAllCommentsAsync(
        string articleId, CommentOrder order = CommentOrder.Oldest,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListCommentsAsync(articleId, 200, order, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var comment in page.Items)
            {
                yield return comment;
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    /// <summary>The site's webhook events that could not be delivered, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"v1/sites/{Escape(_siteId)}/webhooks/dead-letters?limit={limit.ToString(CultureInfo.InvariantCulture)}");
        return (await SendAsync<DeadLetterList>(request, cancellationToken).ConfigureAwait(false))!.Items;
    }

    /// <summary>Puts one dead-lettered event back in line; false when the site has no such dead letter.</summary>
    public async Task<bool> ReplayDeadLetterAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Post, $"v1/sites/{Escape(_siteId)}/webhooks/dead-letters/{eventId}/replay");
        return await SendAsync<ReplayCount>(request, cancellationToken, nullOnNotFound: true).ConfigureAwait(false) is not null;
    }

    /// <summary>Puts every dead-lettered event of the site back in line; returns how many.</summary>
    public async Task<int> ReplayAllDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Post, $"v1/sites/{Escape(_siteId)}/webhooks/dead-letters/replay");
        return (await SendAsync<ReplayCount>(request, cancellationToken).ConfigureAwait(false))!.Replayed;
    }

    /// <summary>Where one webhook event's delivery stands; null when the site has no such event.</summary>
    public async Task<WebhookDelivery?> GetWebhookEventAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, $"v1/sites/{Escape(_siteId)}/webhooks/events/{eventId}");
        return await SendAsync<WebhookDelivery>(request, cancellationToken, nullOnNotFound: true).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = _authorization;
        return request;
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken, bool nullOnNotFound = false)
        where T : class
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
        }

        if (nullOnNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        throw await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ModerationApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? title = response.ReasonPhrase, detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > 0)
            {
                using var problem = JsonDocument.Parse(text);
                var root = problem.RootElement;
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : title;
                detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem body (a proxy's HTML page): the status code says enough.
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new ModerationApiException(response.StatusCode, title, detail, errors, retryAfter);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private sealed record DeadLetterList(IReadOnlyList<DeadLetter> Items);

    private sealed record ReplayCount(int Replayed);
}
