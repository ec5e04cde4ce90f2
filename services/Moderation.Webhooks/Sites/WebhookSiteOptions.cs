namespace Moderation.Webhooks.Sites;

/// <summary>The part of a site's settings (<c>Sites:&lt;id&gt;</c>) the delivery service reads.</summary>
public sealed class WebhookSiteOptions
{
    public WebhookEndpointOptions? Webhook { get; set; }
}
