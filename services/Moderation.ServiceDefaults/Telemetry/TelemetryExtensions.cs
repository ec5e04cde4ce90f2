using MassTransit;
using MassTransit.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Moderation.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every service: traces (HTTP in, MassTransit's publish, receive and consume, so one comment is one
/// trace across the services), metrics on <c>/metrics</c> for Prometheus, and OTLP export of both (and of logs) when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>The activity sources a comment's trace is made of.</summary>
    public static readonly IReadOnlyList<string> TraceSources =
    [
        DiagnosticHeaders.DefaultListenerName,

        // Ingestion's submission relay: it publishes each comment in the trace of the submit that accepted it.
        "Moderation.Ingestion.SubmissionRelay",
    ];

    /// <summary>The meters exported besides ASP.NET Core's and the runtime's.</summary>
    public static readonly IReadOnlyList<string> Meters = [ModerationMetrics.MeterName, "MassTransit"];

    public static IHostApplicationBuilder AddModerationTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteLabels>();
        builder.Services.AddSingleton<ModerationMetrics>();
        builder.Services.AddPublishObserver<MetricsPublishObserver>();
        builder.Services.AddSingleton<IHealthCheckPublisher, ReadinessMetricPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Predicate = ServiceDefaultsExtensions.IsReadinessCheck;
            publisher.Delay = TimeSpan.FromSeconds(2);
            publisher.Period = TimeSpan.FromSeconds(10);
        });

        // With Logging:Console:FormatterName=json every line is one JSON object; the scopes carry TraceId and SpanId.
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddSource([.. TraceSources])
                .AddAspNetCoreInstrumentation(http => http.Filter = context => IsApiCall(context.Request.Path)))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Serves the metrics in Prometheus' text format on <see cref="MetricsPath"/>.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    /// <summary>Probes and scrapes are not worth a trace each.</summary>
    private static bool IsApiCall(PathString path) =>
        !path.StartsWithSegments("/health") && !path.StartsWithSegments(MetricsPath);
}
