using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moderation.ServiceDefaults.Docs;
using Moderation.ServiceDefaults.Health;
using Moderation.ServiceDefaults.Problems;
using Moderation.ServiceDefaults.Proxies;

namespace Moderation.ServiceDefaults;

/// <summary>What every Moderation service has: problem details, health checks, OpenAPI, JSON settings and the clock.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Polly reports every store call at Information; keep its retries and failures, not the routine.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddApiDocs();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTrustedProxies();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        return builder;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c>, <c>/openapi/v1.json</c> and <c>/docs</c>, and turns errors into problem details.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseTrustedProxies(); // first: everything after sees the client's address and scheme
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains("masstransit"),
            ResponseWriter = HealthResponseWriter.WriteAsync,

            // Ready means the service can do its job now. MassTransit reports a bus that lost its broker as Degraded,
            // which would otherwise answer 200 and keep an orchestrator routing traffic to a service that can only 503.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapApiDocs(app.Environment, app.Configuration);
        return app;
    }
}
