using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Moderation.ServiceDefaults.Docs;

/// <summary>Declares the site API key (<c>Authorization: Bearer &lt;key&gt;</c>), so the reference can send it when a route is tried.</summary>
internal sealed class SiteKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "SiteApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Moderation API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The site's API key: Authorization: Bearer <key>.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
