using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Moderation.ServiceDefaults.Docs;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>, always) and the Scalar API reference that renders it (<c>/docs</c>).</summary>
public static class ApiDocsExtensions
{
    public const string Path = "/docs";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SiteKeySecurityTransformer>();
            options.AddOperationTransformer<RequestExampleTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>/docs</c> when <c>ApiDocs:Enabled</c> says so (default: in Development only).</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app, IHostEnvironment environment, IConfiguration configuration)
    {
        var options = configuration.GetSection(ApiDocsOptions.Section).Get<ApiDocsOptions>() ?? new();
        if (options.Enabled ?? environment.IsDevelopment())
        {
            app.MapScalarApiReference(Path, scalar => scalar.WithTitle("Moderation API"));
        }

        return app;
    }
}
