using Microsoft.Extensions.Options;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// Sends accepted comments' events from the submission outbox: at once when a submit wakes it, in back-to-back passes
/// while full batches wait, otherwise every <see cref="IngestionOptions.RelayInterval"/> (the broker came back, a
/// lapsed lease of a replica that died, a retry's time came). Every Ingestion replica runs one; leases share the work.
/// </summary>
public sealed partial class SubmissionRelay(
    SubmissionOutbox outbox,
    SubmissionRelaySignal signal,
    SubmissionBacklog backlog,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<SubmissionRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = new RelayPass(0, 0);
            try
            {
                pass = await outbox.RelayOnceAsync(stoppingToken).ConfigureAwait(false);
                await backlog.RecountAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything but shutting down, a timeout's cancellation included: the relay must never stop by itself.
                LogFailed(logger, exception);
            }

            if (pass.Claimed < options.Value.RelayBatchSize || pass.Sent == 0)
            {
                await signal.WaitAsync(options.Value.RelayInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission relay pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
