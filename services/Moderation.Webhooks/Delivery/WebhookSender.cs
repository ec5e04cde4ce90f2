using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Moderation.Webhooks.Events;
using Moderation.Webhooks.Sites;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace Moderation.Webhooks.Delivery;

/// <summary>
/// POSTs one event to its site, signed, through the <c>webhook-send</c> pipeline (a timeout per try and a few quick
/// retries for a blip). A longer outage is the dispatcher's business: it keeps the event and tries again later.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients, ResiliencePipelineProvider<string> pipelines, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    public const string PipelineName = "webhook-send";

    public async Task<DeliveryResult> SendAsync(WebhookEvent webhookEvent, WebhookEndpointOptions endpoint, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetPipeline<HttpResponseMessage>(PipelineName);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    // Signed at each try, so the timestamp a receiver checks is always fresh.
                    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                    {
                        Content = new StringContent(webhookEvent.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                    };
                    request.Headers.Add(WebhookSignature.EventIdHeader, webhookEvent.Id.ToString());
                    request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Create(endpoint.Secrets, clock.GetUtcNow(), webhookEvent.Body));
                    return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? DeliveryResult.Success
                : DeliveryResult.Failure($"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (TimeoutRejectedException)
        {
            return DeliveryResult.Failure($"No answer within {options.Value.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Failure($"The request failed: {exception.Message}");
        }
    }

    /// <summary>The pipeline: up to two quick retries with exponential backoff, each try cut off at <c>Webhooks:RequestTimeout</c>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, WebhookOptions options)
    {
        pipeline
            .AddRetry(new()
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => !response.IsSuccessStatusCode),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(Math.Min(500, options.RetryMinInterval.TotalMilliseconds)),
                OnRetry = arguments =>
                {
                    arguments.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout);
    }
}
