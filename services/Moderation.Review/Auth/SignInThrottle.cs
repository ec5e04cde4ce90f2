using Microsoft.Extensions.Options;

namespace Moderation.Review.Auth;

/// <summary>
/// Slows password guessing without locking out the people who know their password. Only failures count:
/// an account may fail <see cref="ReviewOptions.SignInFailuresBeforeBackoff"/> times, then each further failure
/// doubles its wait (from <see cref="ReviewOptions.SignInBackoff"/> up to <see cref="ReviewOptions.SignInBackoffMax"/>)
/// and a success clears it; a client address (as the trusted proxy reports it) may fail
/// <see cref="ReviewOptions.SignInFailuresPerAddressPerMinute"/> times a minute, whichever usernames it tries.
/// In-process: each replica counts its own failures.
/// </summary>
public sealed class SignInThrottle(IOptions<ReviewOptions> options, TimeProvider clock)
{
    // Past this many tracked keys, entries whose wait is over are dropped, so a spray of names cannot grow memory.
    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccountFailures> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressFailures> _addresses = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when an attempt is allowed now.</summary>
    public TimeSpan? RetryAfter(string? clientAddress, string username)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var wait = TimeSpan.Zero;
            if (_accounts.TryGetValue(username, out var account) && account.BlockedUntil > now)
            {
                wait = account.BlockedUntil - now;
            }

            if (_addresses.TryGetValue(clientAddress ?? string.Empty, out var address)
                && now - address.WindowStart < TimeSpan.FromMinutes(1)
                && address.Count >= options.Value.SignInFailuresPerAddressPerMinute)
            {
                var addressWait = address.WindowStart + TimeSpan.FromMinutes(1) - now;
                wait = addressWait > wait ? addressWait : wait;
            }

            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string? clientAddress, string username)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            var failures = (_accounts.TryGetValue(username, out var account) ? account.Failures : 0) + 1;
            var blockedUntil = now;
            if (failures >= settings.SignInFailuresBeforeBackoff)
            {
                var doublings = Math.Min(failures - settings.SignInFailuresBeforeBackoff, 30);
                var wait = TimeSpan.FromTicks(Math.Min(settings.SignInBackoffMax.Ticks, settings.SignInBackoff.Ticks * (1L << doublings)));
                blockedUntil = now + wait;
            }

            _accounts[username] = new AccountFailures(failures, blockedUntil);

            var key = clientAddress ?? string.Empty;
            _addresses[key] = _addresses.TryGetValue(key, out var address) && now - address.WindowStart < TimeSpan.FromMinutes(1)
                ? address with { Count = address.Count + 1 }
                : new AddressFailures(now, 1);
        }
    }

    /// <summary>A right password clears the account's failures (not the address's: a guesser may know one password).</summary>
    public void Succeeded(string username)
    {
        lock (_gate)
        {
            _accounts.Remove(username);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_accounts.Count > PruneAbove)
        {
            foreach (var stale in _accounts.Where(pair => pair.Value.BlockedUntil <= now - options.Value.SignInBackoffMax).Select(pair => pair.Key).ToList())
            {
                _accounts.Remove(stale);
            }
        }

        if (_addresses.Count > PruneAbove)
        {
            foreach (var stale in _addresses.Where(pair => now - pair.Value.WindowStart >= TimeSpan.FromMinutes(1)).Select(pair => pair.Key).ToList())
            {
                _addresses.Remove(stale);
            }
        }
    }

    private sealed record AccountFailures(int Failures, DateTimeOffset BlockedUntil);

    private sealed record AddressFailures(DateTimeOffset WindowStart, int Count);
}
