namespace Vigil.Detection.Analytics;

/// <summary>
/// The organisation's mail domains: configured, or inferred as the most frequent domain of senders that submitted
/// mail from inside (Exchange <c>directionality Originating</c> or source <c>STOREDRIVER</c>; Postfix SASL-authenticated
/// clients), falling back to the most frequent sender domain of all mail.
/// </summary>
internal sealed class InternalDomains
{
    /// <summary>Submissions from inside needed before inferring from them.</summary>
    public const int MinInsideVotes = 5;

    /// <summary>Senders needed before inferring from all mail.</summary>
    public const int MinAllVotes = 20;

    private readonly IReadOnlyList<string> _configured;
    private readonly BoundedMap<string, long> _inside = new(1_000, StringComparer.Ordinal);
    private readonly BoundedMap<string, long> _all = new(1_000, StringComparer.Ordinal);
    private long _insideVotes;
    private long _allVotes;
    private string? _inferred;
    private long _sinceInferred;

    /// <summary>Uses <paramref name="configured"/> when not empty; infers otherwise.</summary>
    public InternalDomains(IReadOnlyList<string> configured) =>
        _configured = [.. configured.Where(static d => !string.IsNullOrWhiteSpace(d)).Select(static d => d.Trim().TrimStart('@').ToLowerInvariant())];

    /// <summary>The domains in use: the configured ones, or the inferred one, or none yet.</summary>
    public IReadOnlyList<string> Current => _configured.Count > 0 ? _configured : _inferred is null ? [] : [_inferred];

    /// <summary>Counts a sender domain; <paramref name="inside"/> when the mail was submitted from inside.</summary>
    public void Vote(string domain, bool inside)
    {
        if (_configured.Count > 0)
        {
            return;
        }

        Count(_all, domain);
        _allVotes++;
        if (inside)
        {
            Count(_inside, domain);
            _insideVotes++;
        }

        // Re-deciding costs a scan of the counts: do it while learning (and for the first inside submissions, which
        // outrank any guess from all mail), then every 100 votes.
        if (_inferred is null || (inside && _insideVotes <= 100) || ++_sinceInferred >= 100)
        {
            _sinceInferred = 0;
            _inferred = _insideVotes >= MinInsideVotes ? Top(_inside)
                : _allVotes >= MinAllVotes ? Top(_all)
                : null;
        }
    }

    /// <summary>Whether <paramref name="domain"/> is one of <paramref name="domains"/> or a subdomain of one.</summary>
    public static bool IsInternal(string domain, IReadOnlyList<string> domains)
    {
        foreach (var d in domains)
        {
            if (domain.Equals(d, StringComparison.Ordinal)
                || (domain.Length > d.Length && domain.EndsWith(d, StringComparison.Ordinal) && domain[domain.Length - d.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The domain of an address (lower case), or null.</summary>
    public static string? DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1 ? null : address[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();
    }

    private static void Count(BoundedMap<string, long> counts, string domain) =>
        counts.Set(domain, (counts.TryGet(domain, out var n) ? n : 0) + 1);

    private static string? Top(BoundedMap<string, long> counts) =>
        counts.Count == 0 ? null : counts.Entries.MaxBy(static p => p.Value).Key;
}
