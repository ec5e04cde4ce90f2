using System.Reflection;
using MassTransit;
using MassTransit.RetryPolicies;

namespace Moderation.ServiceDefaults.Messaging;

/// <summary>
/// How soon a service reconnects once RabbitMQ is back. MassTransit 8.5's RabbitMQ host restarts its receive endpoints
/// on a schedule fixed in its constructor (exponential, 3 s to 30 s apart), so a service stays unready for up to 30 s
/// after the broker returns, and 3 to 6 s even after a two-second restart: longer than the 5 s readiness promise. This
/// keeps MassTransit's own exception filter (which failures are worth another attempt) and only shortens the schedule.
/// <para>
/// The policy has no setter: it is replaced on the host configuration's backing field, once, while the bus is being
/// configured. If MassTransit's internals ever differ, nothing changes and <see cref="TryShorten"/> returns false, the
/// service keeps the default schedule and <c>HealthTests</c> (the broker outage and recovery) fails in CI.
/// </para>
/// </summary>
public static class BrokerReconnect
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>
    /// Makes <paramref name="configurator"/>'s host retry a lost broker from <paramref name="maxInterval"/>/4, doubling,
    /// never more than <paramref name="maxInterval"/> apart. Returns whether it did.
    /// </summary>
    public static bool TryShorten(IRabbitMqBusFactoryConfigurator configurator, TimeSpan maxInterval)
    {
        var (host, field) = PolicyField(configurator);
        if (field?.GetValue(host) is not ExponentialRetryPolicy current ||
            typeof(ExponentialRetryPolicy).GetField("_filter", Instance)?.GetValue(current) is not IExceptionFilter filter)
        {
            return false;
        }

        var first = maxInterval / 4;
        field.SetValue(host, new ExponentialRetryPolicy(filter, current.RetryLimit, first, maxInterval, first));
        return true;
    }

    /// <summary>The longest gap between two reconnection attempts <paramref name="configurator"/>'s host will leave.</summary>
    public static TimeSpan? MaxInterval(IRabbitMqBusFactoryConfigurator configurator)
    {
        var (host, field) = PolicyField(configurator);
        return field?.GetValue(host) is ExponentialRetryPolicy exponential &&
               typeof(ExponentialRetryPolicy).GetField("_maxInterval", Instance)?.GetValue(exponential) is int milliseconds
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;
    }

    /// <summary>The host configuration behind <paramref name="configurator"/> and the field holding its reconnect policy.</summary>
    private static (object? Host, FieldInfo? Field) PolicyField(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = configurator.GetType().GetField("_hostConfiguration", Instance)?.GetValue(configurator);
        return (host, host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance));
    }
}
