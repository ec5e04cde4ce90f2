using Microsoft.Data.Sqlite;
using MongoDB.Driver;
using Polly;
using Polly.Retry;

namespace Moderation.Storage.Resilience;

/// <summary>
/// The retry policies for store I/O. Only faults that go away by themselves are retried (a locked SQLite file,
/// a lost or slow MongoDB connection); a duplicate key or a validation error is an answer, not a fault.
/// </summary>
public static class StoreResilience
{
    /// <summary>Name of the pipeline every store call runs through.</summary>
    public const string PipelineName = "moderation-store";

    /// <summary>Name of the pipeline for creating tables and indexes at start-up, when the database may still be starting.</summary>
    public const string StartupPipelineName = "moderation-store-startup";

    /// <summary>
    /// Short retries for a request or a message: a server-selection timeout is not retried, since it already waited its
    /// (short) timeout for a server; retrying it would stack waits past what a client or proxy waits for an answer.
    /// </summary>
    public static ResiliencePipelineBuilder AddStoreRetry(this ResiliencePipelineBuilder builder) =>
        builder.AddRetry(Retry(
            attempts: 3,
            delay: TimeSpan.FromMilliseconds(100),
            maxDelay: TimeSpan.FromSeconds(1),
            exception => IsTransient(exception) && exception is not TimeoutException));

    public static ResiliencePipelineBuilder AddStartupRetry(this ResiliencePipelineBuilder builder) =>
        builder.AddRetry(Retry(attempts: 6, delay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(15), IsTransient));

    /// <summary>True for faults worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection or process holds the lock past busy_timeout.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,

        // Wrong credentials derive from MongoConnectionException but will not fix themselves.
        MongoAuthenticationException => false,
        MongoConnectionException => true,
        MongoExecutionTimeoutException => true,

        // Server selection timing out (no reachable primary) surfaces as a plain TimeoutException.
        TimeoutException => true,
        _ => false,
    };

    private static RetryStrategyOptions Retry(int attempts, TimeSpan delay, TimeSpan maxDelay, Func<Exception, bool> retried) => new()
    {
        ShouldHandle = new PredicateBuilder().Handle(retried),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        MaxRetryAttempts = attempts,
        Delay = delay,
        MaxDelay = maxDelay,
    };

    /// <summary>The store pipeline for code that runs without a host (tests, tools).</summary>
    internal static ResiliencePipeline CreateStorePipeline(TimeProvider? timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System }.AddStoreRetry().Build();

    internal static ResiliencePipeline CreateStartupPipeline(TimeProvider? timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System }.AddStartupRetry().Build();
}
