using System.ComponentModel.DataAnnotations;

namespace Moderation.Webhooks.Sites;

/// <summary>
/// The <c>Sites</c> section as the delivery service sees it: only each site's <c>Webhook</c>. Bound separately from the
/// site API's settings so a webhook is configured where the site's keys are, yet validated by the service that uses it.
/// </summary>
public sealed class WebhookSitesOptions : Dictionary<string, WebhookSiteOptions>, IValidatableObject
{
    public const int MinimumSecretLength = 16;

    /// <summary>The site's webhook, or null when it has none.</summary>
    public WebhookEndpointOptions? Find(string siteId) =>
        TryGetValue(siteId, out var site) && site.Webhook is { Url: { Length: > 0 } } webhook ? webhook : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (siteId, site) in this)
        {
            if (site.Webhook is not { } webhook || (string.IsNullOrEmpty(webhook.Url) && webhook.Secrets.All(string.IsNullOrEmpty)))
            {
                continue;
            }

            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Sites:{siteId}:Webhook:Url must be an absolute http:// or https:// URL.");
            }

            if (webhook.Secrets.Count is < 1 or > 2 || webhook.Secrets.Any(secret => string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumSecretLength))
            {
                yield return new ValidationResult(
                    $"Sites:{siteId}:Webhook:Secrets needs one or two secrets (Secrets:0, Secrets:1) of {MinimumSecretLength} characters or more.");
            }
        }
    }
}
