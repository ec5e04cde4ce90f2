namespace Moderation.Storage;

/// <summary>
/// Runs the schema set-up once before the first store call. The hosted initializer usually gets there first,
/// but a message consumer that starts earlier must not meet a missing table. A failed attempt is retried on the next call.
/// </summary>
internal sealed class InitializationGate(Func<CancellationToken, Task> initialize)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await initialize(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
