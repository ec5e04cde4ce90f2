using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Ingestion.Messaging;
using Moderation.Ingestion.Submissions;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Storage.Erasure;

namespace Moderation.Ingestion.Erasure;

/// <summary>
/// <c>DELETE /v1/sites/{siteId}/authors/{authorId}</c>: erase an author (GDPR Article 17). The erasure is recorded here
/// first, so from this moment nothing of the author is written again, then announced to every service as
/// <see cref="AuthorErased"/>. Repeating the request is safe.
/// </summary>
public static class EraseAuthorEndpoint
{
    public static async Task<Results<Accepted<EraseAuthorResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siteId,
        string authorId,
        HttpContext http,
        [FromKeyedServices(StoreOwner.Ingestion)] IAuthorErasureStore erasure,
        IPublishEndpoint publisher,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        // The same form the author's id was stored in when their comments were submitted.
        var author = authorId.Normalize(NormalizationForm.FormC);
        if (author.Trim().Length == 0 || author.Length > CommentValidator.MaxAuthorIdLength * 2 || author.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["authorId"] = [$"authorId is the author's id on the site: 1 to {CommentValidator.MaxAuthorIdLength} characters, no control characters."],
            });
        }

        var erasedAt = clock.GetUtcNow();
        await erasure.RecordAsync(siteId, author, erasedAt, cancellationToken);
        if (await publisher.TryPublishWithinAsync(new AuthorErased(siteId, author, erasedAt), options.Value.PublishTimeout, cancellationToken) is not null)
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Broker unavailable",
                detail: "The erasure is recorded but was not confirmed by the message broker. Send the same request again later.");
        }

        return TypedResults.Accepted((string?)null, new EraseAuthorResponse(siteId, erasedAt));
    }
}
