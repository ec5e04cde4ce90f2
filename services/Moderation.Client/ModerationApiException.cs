using System.Net;

namespace Moderation.Client;

/// <summary>
/// The API answered an error (its <c>application/problem+json</c> body, read): <see cref="Errors"/> names each bad field
/// of a 400; <see cref="RetryAfter"/> is set on 429 and 503, when the same request (same idempotency key) may be sent again.
/// </summary>
public sealed class ModerationApiException(
    HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors, TimeSpan? retryAfter)
    : Exception($"{(int)status} {title}: {detail}")
{
    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The problem's title.</summary>
    public string? Title { get; } = title;

    /// <summary>The problem's detail, when it gives one.</summary>
    public string? Detail { get; } = detail;

    /// <summary>Each bad field of a 400 and what is wrong with it; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>How long to wait before sending the request again (429, 503).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
