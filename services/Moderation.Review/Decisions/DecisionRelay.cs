namespace Moderation.Review.Decisions;

/// <summary>
/// Relays recorded decisions whose event is still unsent (broker down at decision time, or a crash between recording
/// and sending): at start-up, then every <see cref="Interval"/>, until the broker confirms each.
/// </summary>
public sealed partial class DecisionRelay(DecisionOutbox outbox, TimeProvider clock, ILogger<DecisionRelay> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var sent = await outbox.RelayAsync(stoppingToken).ConfigureAwait(false);
                if (sent > 0)
                {
                    LogRelayed(logger, sent);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Count} decision events")]
    private static partial void LogRelayed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision relay pass failed; retrying in the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
