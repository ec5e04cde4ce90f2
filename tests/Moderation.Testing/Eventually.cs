namespace Moderation.Testing;

/// <summary>Waits for asynchronous effects by polling with a deadline, never by sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var last = default(T);
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last seen: {last}");
    }
}
