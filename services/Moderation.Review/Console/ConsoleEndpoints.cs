namespace Moderation.Review.Console;

/// <summary>Serves the console at <c>/console/</c> with a strict Content-Security-Policy: scripts only from this origin, nothing inline.</summary>
public static class ConsoleEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/console/")).ExcludeFromDescription();
        app.MapGet("/console/{*path}", Serve).ExcludeFromDescription();
    }

    private static IResult Serve(string? path, HttpContext http, ConsoleAssets assets)
    {
        // Routing matches "/console" here too; the page needs the trailing slash.
        if (string.IsNullOrEmpty(path) && !http.Request.Path.Value!.EndsWith('/'))
        {
            return TypedResults.Redirect("/console/");
        }

        var asset = assets.Find(path ?? string.Empty);
        if (asset is null)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
