using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Moderation.Storage.Resilience;

namespace Moderation.Storage;

/// <summary>
/// A store that stays unreachable after the short retries (MongoDB down, no primary, a SQLite file locked for long)
/// is answered with 503 and a Retry-After, within the store's few-second selection timeout: a client or proxy then
/// retries, instead of waiting for a 500.
/// </summary>
internal sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreResilience.IsTransient(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is unavailable",
                Detail = $"The database did not answer; retry in {RetryAfterSeconds} s.",
            },
        }).ConfigureAwait(false);
    }
}
