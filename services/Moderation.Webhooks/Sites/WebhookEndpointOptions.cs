namespace Moderation.Webhooks.Sites;

/// <summary><c>Sites:&lt;id&gt;:Webhook</c>: where a site receives its events and the secrets that sign them.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>An absolute http(s) URL; events are POSTed to it.</summary>
    public string? Url { get; set; }

    /// <summary>One or two secrets (<c>Secrets:0</c>, <c>Secrets:1</c>); every request carries a signature with each, for rotation.</summary>
    public List<string> Secrets { get; set; } = [];
}
