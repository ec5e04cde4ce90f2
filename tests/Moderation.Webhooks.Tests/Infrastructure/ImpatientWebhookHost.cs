namespace Moderation.Webhooks.Tests.Infrastructure;

/// <summary>Failing events are dead-lettered a second after their first failure.</summary>
public sealed class ImpatientWebhookHost : WebhookHost
{
    protected override TimeSpan GiveUpAfter => TimeSpan.FromSeconds(1);
}
