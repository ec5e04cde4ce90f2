using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Storage.Articles;

namespace Moderation.Ingestion.Articles;

/// <summary><c>GET</c> and <c>PUT /v1/sites/{siteId}/articles/{articleId}/moderation</c>: an article's mode, and an editor setting it.</summary>
public static class ArticleModerationEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Ok<ArticleModerationResponse>, NotFound, ValidationProblem>> GetAsync(
        string siteId, string articleId, HttpContext http, IArticleStateStore articles, SiteRegistry sites, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!SiteIds.IsValid(articleId))
        {
            return InvalidArticle();
        }

        var state = await articles.GetAsync(siteId, articleId, cancellationToken);
        return TypedResults.Ok(ToResponse(state, ArticleModes.At(state, sites.Find(siteId), clock.GetUtcNow())));
    }

    public static async Task<Results<Ok<ArticleModerationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PutAsync(
        string siteId, string articleId, HttpContext http, IArticleStateStore articles, SiteRegistry sites, ArticleGate gate,
        TimeProvider clock, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!SiteIds.IsValid(articleId))
        {
            return InvalidArticle();
        }

        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the mode as application/json.");
        }

        SetArticleModeRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SetArticleModeRequest>(http.Request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Malformed JSON: {exception.Message}"] });
        }

        var automatic = request?.Mode == "auto";
        var mode = ArticleModes.Parse(request?.Mode);
        if (mode is null && !automatic)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["mode"] = ["mode is 'premoderate', 'normal' or 'closed', or 'auto' to follow the schedule and surge again."],
            });
        }

        // Setting what is already set writes nothing and announces the same change again (same time, same event id),
        // so a retried PUT is harmless.
        var state = await articles.GetAsync(siteId, articleId, cancellationToken);
        if (state.EditorMode != mode || state.EditorModeSetAt is null)
        {
            state = await articles.SetEditorModeAsync(siteId, articleId, mode, StoredTime.Truncate(clock.GetUtcNow()), cancellationToken);
        }

        var effective = ArticleModes.At(state, sites.Find(siteId), clock.GetUtcNow());
        var announced = await gate.TryAnnounceAsync(
            new ArticleModeChanged(siteId, articleId, effective.ModeName, automatic ? effective.Reason : "editor", state.EditorModeSetAt!.Value, effective.Until),
            cancellationToken);
        if (!announced)
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Broker unavailable",
                detail: "The mode is set, but its announcement was not confirmed by the message broker. Send the same request again later.");
        }

        return TypedResults.Ok(ToResponse(state, effective));
    }

    private static ValidationProblem InvalidArticle() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["articleId"] = [$"An article id must match {SiteIds.Shape}."] });

    private static ArticleModerationResponse ToResponse(ArticleState state, EffectiveMode mode) => new(
        state.SiteId,
        state.ArticleId,
        mode.ModeName,
        mode.Reason,
        state.EditorMode is { } editor ? ArticleModes.Name(editor) : null,
        state.SurgeUntil,
        state.FirstCommentAt);
}
