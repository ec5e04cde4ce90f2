using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moderation.Review.Auth;

namespace Moderation.Review.Tests.Auth;

/// <summary>The sign-in throttle on a controlled clock: failures only, backing off per account, and per client address.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle(int perAddress = 30) => new(
        Options.Create(new ReviewOptions
        {
            SignInFailuresBeforeBackoff = 5,
            SignInBackoff = TimeSpan.FromSeconds(30),
            SignInBackoffMax = TimeSpan.FromMinutes(4),
            SignInFailuresPerAddressPerMinute = perAddress,
        }),
        _clock);

    [Fact]
    public void Successes_never_count()
    {
        var throttle = Throttle();
        for (var i = 0; i < 100; i++)
        {
            Assert.Null(throttle.RetryAfter("10.0.0.1", "ann"));
            throttle.Succeeded("ann");
        }
    }

    [Fact]
    public void An_account_waits_after_five_failures_and_each_further_failure_doubles_the_wait_up_to_the_cap()
    {
        var throttle = Throttle();
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed($"10.0.0.{i}", "ann");
            Assert.Null(throttle.RetryAfter("10.0.0.99", "ann"));
        }

        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 6; i++)
        {
            throttle.Failed("10.0.0.1", "ann");
            waits.Add(throttle.RetryAfter("10.0.0.99", "ann"));
            _clock.Advance(waits[^1]!.Value);
            Assert.Null(throttle.RetryAfter("10.0.0.99", "ann"));
        }

        Assert.Equal([30, 60, 120, 240, 240, 240], waits.Select(wait => wait!.Value.TotalSeconds));
        Assert.Null(throttle.RetryAfter("10.0.0.99", "bob"));
    }

    [Fact]
    public void A_right_password_clears_the_accounts_failures()
    {
        var throttle = Throttle();
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("10.0.0.1", "ann");
        }

        throttle.Succeeded("ann");
        throttle.Failed("10.0.0.1", "ann");

        Assert.Null(throttle.RetryAfter("10.0.0.1", "ann"));
    }

    [Fact]
    public void Spraying_many_usernames_from_one_address_is_slowed_but_other_addresses_are_not()
    {
        var throttle = Throttle(perAddress: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(throttle.RetryAfter("203.0.113.7", $"user-{i}"));
            throttle.Failed("203.0.113.7", $"user-{i}");
        }

        Assert.NotNull(throttle.RetryAfter("203.0.113.7", "user-10"));
        Assert.Null(throttle.RetryAfter("198.51.100.2", "user-10"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(throttle.RetryAfter("203.0.113.7", "user-10"));
    }
}
