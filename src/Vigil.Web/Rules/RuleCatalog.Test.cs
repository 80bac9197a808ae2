using Vigil.Detection.Engine;
using Vigil.Events;
using Vigil.Storage;
using Vigil.Storage.Events;

namespace Vigil.Web.Rules;

/// <summary>Trying a rule on recent stored events before enabling it.</summary>
internal sealed partial class RuleCatalog
{
    /// <summary>How far back a test reads.</summary>
    public static readonly TimeSpan TestWindow = TimeSpan.FromHours(24);

    /// <summary>At most this many events are read per test.</summary>
    public const int TestMaxEvents = 100_000;

    /// <summary>At most this many matches are returned.</summary>
    public const int TestShown = 20;

    private const int TestPage = 5_000;

    /// <summary>Runs the rule, through its own engine, over the events of the last <see cref="TestWindow"/> (at most <see cref="TestMaxEvents"/>), oldest first.</summary>
    public async Task<RuleTestResult> TestAsync(IVigilStore store, string? yaml, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var check = Check(yaml);
        if (!check.Ok)
        {
            return new RuleTestResult(check.Errors, 0, 0, [], false);
        }

        var engine = check.Engine!;
        var matches = new List<RuleMatch>();
        var first = new List<StoredEvent>();
        long scanned = 0, matched = 0, after = 0;
        while (scanned < TestMaxEvents)
        {
            var read = 0;
            var limit = (int)Math.Min(TestPage, TestMaxEvents - scanned);
            await foreach (var stored in store.Events.SearchAsync(new EventQuery(From: now - TestWindow, AfterId: after, Limit: limit), cancellationToken).ConfigureAwait(false))
            {
                read++;
                after = stored.Id;
                matches.Clear();
                engine.Process(stored.ToLogEvent(), matches);
                if (matches.Count > 0)
                {
                    matched++;
                    if (first.Count < TestShown)
                    {
                        first.Add(stored);
                    }
                }
            }

            scanned += read;
            if (read < limit)
            {
                return new RuleTestResult([], scanned, matched, first, false);
            }
        }

        return new RuleTestResult([], scanned, matched, first, true);
    }
}
