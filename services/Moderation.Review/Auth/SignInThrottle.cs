using System.Threading.RateLimiting;

namespace Moderation.Review.Auth;

/// <summary>
/// Limits sign-in attempts per client address and username, so guessing one account's password is slow and one
/// client cannot lock everyone else out. In-process: each replica counts its own attempts.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<ReviewOptions> options)
    {
        var perMinute = options.Value.SignInAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when another attempt is allowed now.</summary>
    public bool TryAttempt(string? clientAddress, string username)
    {
        using var lease = _limiter.AttemptAcquire($"{clientAddress}|{username.ToLowerInvariant()}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
