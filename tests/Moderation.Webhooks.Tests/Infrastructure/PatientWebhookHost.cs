namespace Moderation.Webhooks.Tests.Infrastructure;

/// <summary>Failing events are retried for an hour: long past any test.</summary>
public sealed class PatientWebhookHost : WebhookHost
{
    protected override TimeSpan GiveUpAfter => TimeSpan.FromHours(1);
}
