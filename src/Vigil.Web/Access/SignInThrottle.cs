namespace Vigil.Web.Access;

/// <summary>
/// Failed sign-ins per key (a client address or an account name) in fixed windows. An attempt takes a place before the
/// password is checked, so concurrent guesses count at once, and gives it back when it succeeds: only failures use up
/// the limit. The staff of a practice signing in from one address (behind NAT or a reverse proxy) at the start of a
/// shift are therefore never refused, while guessing from that address, or at one account, is.
/// </summary>
internal sealed class SignInThrottle(int limit, TimeSpan window, TimeProvider time)
{
    /// <summary>Keys kept at most; past it, keys of earlier windows are dropped, then keys with one failure, and if still full, all.</summary>
    internal const int MaxKeys = 100_000;

    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt for <paramref name="key"/>; false, counting nothing, when this window's limit is used up.</summary>
    public bool TryTake(string key)
    {
        var now = CurrentWindow();
        lock (_counts)
        {
            var count = _counts.TryGetValue(key, out var entry) && entry.Window == now ? entry.Count : 0;
            if (count >= limit)
            {
                return false;
            }

            if (count == 0 && _counts.Count >= MaxKeys)
            {
                Prune(now);
            }

            _counts[key] = (now, count + 1);
            return true;
        }
    }

    /// <summary>Gives back an attempt of <paramref name="key"/> that succeeded.</summary>
    public void GiveBack(string key)
    {
        var now = CurrentWindow();
        lock (_counts)
        {
            if (_counts.TryGetValue(key, out var entry) && entry.Window == now && entry.Count > 0)
            {
                _counts[key] = (now, entry.Count - 1);
            }
        }
    }

    private long CurrentWindow() => time.GetUtcNow().UtcTicks / window.Ticks;

    private void Prune(long now)
    {
        foreach (var (key, entry) in _counts)
        {
            if (entry.Window != now)
            {
                _counts.Remove(key);
            }
        }

        if (_counts.Count >= MaxKeys)
        {
            // A spray of single guesses at many names must not wipe the count of the one account being guessed at:
            // drop the keys with one failure first, those nearest their limit last.
            foreach (var (key, entry) in _counts)
            {
                if (entry.Count <= 1)
                {
                    _counts.Remove(key);
                }
            }
        }

        if (_counts.Count >= MaxKeys)
        {
            _counts.Clear();
        }
    }
}
