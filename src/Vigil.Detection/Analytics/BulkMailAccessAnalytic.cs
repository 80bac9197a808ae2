using System.Globalization;
using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Bulk mailbox reading (M365 <c>MailItemsAccessed</c>): in one hour, a mailbox's accessed items (summing
/// <c>OperationCount</c>, which aggregates records) exceed <see cref="MinCount"/>, its own baseline (mean + 3 sd of
/// its completed hours; the tenant's mailbox-hours while it has fewer than a day of them) and half of the tenant's
/// total for the hour. Sentinel's MailItemsAccessedTimeSeries, streamed.
/// </summary>
internal sealed class BulkMailAccessAnalytic : IStatefulAnalytic
{
    /// <summary>The least count that can be bulk.</summary>
    public const long MinCount = 100;

    /// <summary>Standard deviations above the mean.</summary>
    public const double Deviations = 3;

    /// <summary>Completed hours a baseline needs.</summary>
    public const int MinHistory = 24;

    /// <summary>How many times <see cref="MinCount"/> a mailbox without its own baseline must reach.</summary>
    public const int LearningFactor = 5;

    /// <summary>How many times its bound a mailbox's hour must reach to fire even when it is not half the tenant's.</summary>
    public const int FarOver = 5;

    /// <summary>Most mailboxes kept.</summary>
    public const int MaxMailboxes = 20_000;

    private const int MaxTenantHistory = 2_000;
    private static readonly long HourTicks = TimeSpan.TicksPerHour;

    // Hours this far behind the newest are closed; events for them are too late.
    private static readonly long OpenHours = 2 * HourTicks;

    private readonly BoundedMap<string, MailboxHours> _mailboxes = new(MaxMailboxes, StringComparer.Ordinal);
    private readonly UnevaluatedTally _unevaluated = new();
    private List<long> _tenantHistory = [];
    private Dictionary<long, long> _tenantHours = [];
    private long _newestHour;
    private long _tenantBoundHour = -1;
    private double? _tenantBound;

    /// <inheritdoc />
    public RuleInfo Info { get; } = AnalyticInfo.Create("bulk-mail-items-accessed", "Bulk mailbox access (MailItemsAccessed)", Level.High,
        $"In one hour a mailbox's items were accessed far more than its own baseline and more than the rest of the tenant together (over {MinCount}). Check the client IP and app (ClientIPAddress, AppId, ClientInfoString): bulk sync by an unknown app or address is mailbox theft.",
        new Logsource("m365", null, "audit"), "attack.collection", "attack.t1114.002", "attack.t1114");

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes { get; } = ["m365.audit"];

    /// <inheritdoc />
    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <summary>How many mailboxes are kept.</summary>
    internal int Mailboxes => _mailboxes.Count;

    /// <inheritdoc />
    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        if (e.Get("Operation") != "MailItemsAccessed" || e.Get("ResultStatus") is { } status && !status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var mailbox = e.Get("MailboxOwnerUPN") ?? e.Get("UserId");
        if (string.IsNullOrWhiteSpace(mailbox))
        {
            _unevaluated.Add("missing-mailbox");
            return;
        }

        if (e.Timestamp is not { } time)
        {
            _unevaluated.Add("missing-time");
            return;
        }

        var count = long.TryParse(e.Get("OperationCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var hour = time.UtcTicks - (time.UtcTicks % HourTicks);
        if (hour < _newestHour - OpenHours)
        {
            _unevaluated.Add("too-late");
            return;
        }

        if (hour > _newestHour)
        {
            _newestHour = hour;
            foreach (var old in _tenantHours.Keys.Where(h => h < hour - OpenHours).ToList())
            {
                _tenantHours.Remove(old);
            }
        }

        var key = mailbox.Trim().ToLowerInvariant();
        var hours = _mailboxes.GetOrAdd(key, static () => new MailboxHours());
        Close(hours);
        if (!hours.Open.TryGetValue(hour, out var bucket))
        {
            // The bound is fixed when the hour opens: the baselines only change as hours close.
            // A mailbox still learning (fewer than MinHistory hours of its own) is held to ten times the floor: one busy
            // morning of a new starter is not theft, and thousands of items in an hour still are.
            hours.Open[hour] = bucket = new MailboxHour
            {
                Bound = Baseline.UpperBound(hours.History, MinHistory, Deviations) is { } own
                    ? Math.Max(MinCount, own)
                    : Math.Max(MinCount * LearningFactor, TenantBound() ?? 0),
            };
        }

        bucket.Count += count;
        var tenant = _tenantHours[hour] = _tenantHours.GetValueOrDefault(hour) + count;
        // Sentinel's share test (over half the tenant's hour) keeps a busy day for everyone quiet; a count far over the
        // mailbox's own bound fires regardless, or theft from several mailboxes at once would hide each behind the others.
        if (!bucket.Reported && bucket.Count > bucket.Bound && (bucket.Count * 2 > tenant || bucket.Count > FarOver * bucket.Bound))
        {
            bucket.Reported = true;
            output.Add(new RuleMatch(Info, time, e, [], new Dictionary<string, string?> { ["mailbox"] = key }, bucket.Count));
        }
    }

    /// <summary>The tenant's bound, recomputed at most once per hour of event time (its history holds thousands).</summary>
    private double? TenantBound()
    {
        if (_tenantBoundHour != _newestHour)
        {
            _tenantBoundHour = _newestHour;
            _tenantBound = Baseline.UpperBound(_tenantHistory, MinHistory, Deviations);
        }

        return _tenantBound;
    }

    /// <summary>Moves the mailbox's hours that are no longer open into its history (and the tenant's), unless reported.</summary>
    private void Close(MailboxHours hours)
    {
        var cutoff = _newestHour - OpenHours;
        if (!hours.Open.Keys.Any(h => h < cutoff))
        {
            return;
        }

        foreach (var (start, bucket) in hours.Open.Where(p => p.Key < cutoff).OrderBy(static p => p.Key).ToList())
        {
            hours.Open.Remove(start);
            if (bucket.Reported)
            {
                continue;
            }

            Append(hours.History, bucket.Count, MailboxHours.MaxHistory);
            Append(_tenantHistory, bucket.Count, MaxTenantHistory);
        }
    }

    private static void Append(List<long> list, long value, int cap)
    {
        // Trimmed in batches: removing from the front of a full list on every append would copy it each time.
        list.Add(value);
        if (list.Count > cap + (cap / 4))
        {
            list.RemoveRange(0, list.Count - cap);
        }
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(new BulkMailAccessState
    {
        Mailboxes = _mailboxes.Entries.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal),
        TenantHistory = _tenantHistory,
        TenantHours = _tenantHours,
        NewestHour = _newestHour,
    }, AnalyticsJson.Default.BulkMailAccessState);

    /// <inheritdoc />
    public bool LoadState(string state)
    {
        _mailboxes.Clear();
        _tenantHistory = [];
        _tenantHours = [];
        _newestHour = 0;
        _tenantBoundHour = -1;
        try
        {
            if (JsonSerializer.Deserialize(state, AnalyticsJson.Default.BulkMailAccessState) is not { } saved)
            {
                return false;
            }

            foreach (var (mailbox, hours) in saved.Mailboxes.Take(MaxMailboxes))
            {
                if (hours?.History is not null && hours.Open is not null)
                {
                    hours.History = [.. hours.History.TakeLast(MailboxHours.MaxHistory)];
                    _mailboxes.Set(mailbox, hours);
                }
            }

            _tenantHistory = [.. (saved.TenantHistory ?? []).TakeLast(MaxTenantHistory)];
            _tenantHours = saved.TenantHours ?? [];
            _newestHour = saved.NewestHour;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
