using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Moderation.ServiceDefaults.Problems;

/// <summary>
/// Kestrel and the framework report bad requests (body too large, unreadable body) as
/// <see cref="BadHttpRequestException"/>; answer those with their own 4xx problem instead of a 500.
/// </summary>
public sealed class ClientErrorExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "Bad request", Detail = badRequest.Message },
        });
    }
}
