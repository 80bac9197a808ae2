using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Outbound phishing burst: an internal sender mails more than <see cref="MinRecipients"/> distinct external
/// recipients within <see cref="Window"/>, and more than <see cref="BaselineFactor"/> times its usual hourly maximum
/// (the largest hourly count of its last 30 days). Exchange message tracking and Postfix (<c>from=</c> and <c>to=</c>
/// joined by queue id).
/// </summary>
internal sealed class OutboundBurstAnalytic : IStatefulAnalytic
{
    /// <summary>Distinct external recipients that make a burst.</summary>
    public const int MinRecipients = 30;

    /// <summary>How far above the usual hourly maximum a burst must be.</summary>
    public const int BaselineFactor = 5;

    /// <summary>Most senders kept.</summary>
    public const int MaxSenders = 20_000;

    /// <summary>The burst window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan TooLate = TimeSpan.FromHours(1);
    private static readonly TimeSpan Learning = TimeSpan.FromDays(1);
    private static readonly HashSet<string> IgnoredEvents = new(["DSN", "NOTIFYMAPI", "HAREDIRECTFAIL", "POISONMESSAGE"], StringComparer.OrdinalIgnoreCase);

    private readonly InternalDomains _domains;
    private readonly BoundedMap<string, SenderBurst> _senders = new(MaxSenders, StringComparer.Ordinal);
    private readonly BoundedMap<string, PostfixQueue> _queues = new(50_000, StringComparer.Ordinal);
    private readonly UnevaluatedTally _unevaluated = new();
    private DateTimeOffset? _firstSeen;

    /// <summary>Creates the analytic; an empty <paramref name="internalDomains"/> means "infer them".</summary>
    public OutboundBurstAnalytic(IReadOnlyList<string> internalDomains) => _domains = new InternalDomains(internalDomains);

    /// <inheritdoc />
    public RuleInfo Info { get; } = AnalyticInfo.Create("outbound-mail-burst", "Burst of mail to external recipients", Level.High,
        $"An internal sender mailed more than {MinRecipients} distinct external recipients within 10 minutes, over {BaselineFactor} times its usual hourly maximum. A compromised mailbox phishing patients or contacts looks like this: check the subjects and stop the account.",
        new Logsource("vigil", "mail", null), "attack.lateral-movement", "attack.t1534", "attack.initial-access", "attack.t1566");

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes { get; } = new HashSet<string>(["exchange.tracking", "postfix"], StringComparer.Ordinal);

    /// <inheritdoc />
    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <summary>The internal domains in use.</summary>
    internal IReadOnlyList<string> Domains => _domains.Current;

    /// <summary>How many senders are kept.</summary>
    internal int Senders => _senders.Count;

    /// <inheritdoc />
    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        string? sender;
        string? recipients;
        if (e.SourceType == "postfix")
        {
            if (!ReadPostfix(e, out sender, out recipients))
            {
                return;
            }
        }
        else
        {
            if (e.Get("event-id") is { } id && IgnoredEvents.Contains(id))
            {
                return;
            }

            sender = e.Get("sender-address");
            recipients = e.Get("recipient-address");
            if (sender is null || string.IsNullOrWhiteSpace(recipients))
            {
                _unevaluated.Add("missing-address");
                return;
            }

            if (sender.Length == 0 || sender == "<>")
            {
                // The null sender: bounces and notifications, sent by the server, not a mailbox.
                return;
            }

            if (InternalDomains.DomainOf(sender) is { } senderDomain)
            {
                _domains.Vote(senderDomain, e.Get("directionality") == "Originating" || e.Get("source") == "STOREDRIVER");
            }
        }

        if (sender is null || recipients is null)
        {
            return;
        }

        if (e.Timestamp is not { } time)
        {
            _unevaluated.Add("missing-time");
            return;
        }

        var domains = _domains.Current;
        if (domains.Count == 0)
        {
            _unevaluated.Add("internal-domain-unknown");
            return;
        }

        sender = sender.Trim().ToLowerInvariant();
        if (InternalDomains.DomainOf(sender) is not { } from || !InternalDomains.IsInternal(from, domains))
        {
            return;
        }

        Count(sender, recipients, domains, time, e, output);
    }

    private void Count(string sender, string recipients, IReadOnlyList<string> domains, DateTimeOffset time, LogEvent e, List<RuleMatch> output)
    {
        var state = _senders.GetOrAdd(sender, static () => new SenderBurst());
        if (state.Newest - time > TooLate)
        {
            _unevaluated.Add("too-late");
            return;
        }

        if (time > state.Newest)
        {
            state.Newest = time;
        }

        var hour = time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour);
        if (hour > state.Hour)
        {
            state.MoveTo(hour);
        }

        var added = false;
        foreach (var part in recipients.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var recipient = part.Trim('<', '>').ToLowerInvariant();
            if (InternalDomains.DomainOf(recipient) is { } domain && !InternalDomains.IsInternal(domain, domains))
            {
                state.Add(recipient, time);
                if (hour == state.Hour && state.HourRecipients.Count < SenderBurst.MaxPerHour)
                {
                    state.HourRecipients.Add(recipient);
                }

                added = true;
            }
        }

        if (!added)
        {
            return;
        }

        var distinct = state.CountRecent(Window);
        var usual = state.UsualMax;

        // Learning: with no baseline of its own, a sender is judged only once a day of mail has been seen, so that
        // the first appointment-reminder run after installation is not taken for phishing.
        _firstSeen ??= time;
        var learnt = usual > 0 || time - _firstSeen.Value >= Learning;
        if (distinct > MinRecipients && distinct > BaselineFactor * usual && time >= state.QuietUntil && learnt)
        {
            state.QuietUntil = time + TimeSpan.FromHours(1);
            state.HourReported = true;
            output.Add(new RuleMatch(Info, time, e, [], new Dictionary<string, string?> { ["sender"] = sender }, distinct));
        }
    }

    private bool ReadPostfix(LogEvent e, out string? sender, out string? recipients)
    {
        sender = e.Get("postfix.from");
        recipients = e.Get("postfix.to");
        if (e.Get("postfix.action") == "reject")
        {
            return false;
        }

        var queueId = e.Get("postfix.queue_id");
        if (queueId is null)
        {
            return sender is not null && recipients is not null;
        }

        var queue = _queues.GetOrAdd(queueId, static () => new PostfixQueue());
        if (e.Get("postfix.sasl_username") is not null)
        {
            queue.Authenticated = true;
        }

        if (sender is { Length: > 0 })
        {
            queue.Sender = sender;
            if (InternalDomains.DomainOf(sender) is { } domain)
            {
                _domains.Vote(domain, queue.Authenticated);
            }
        }

        if (recipients is null)
        {
            return false;
        }

        if (queue.Sender is null)
        {
            _unevaluated.Add("unknown-queue-id");
            return false;
        }

        sender = queue.Sender;
        return true;
    }

    /// <inheritdoc />
    public string SaveState() =>
        JsonSerializer.Serialize(_senders.Entries.Where(static p => p.Value.DailyMax.Count > 0)
            .ToDictionary(static p => p.Key, static p => p.Value.DailyMax, StringComparer.Ordinal), AnalyticsJson.Default.DictionaryStringDictionaryInt64Int32);

    /// <inheritdoc />
    public bool LoadState(string state)
    {
        _senders.Clear();
        try
        {
            if (JsonSerializer.Deserialize(state, AnalyticsJson.Default.DictionaryStringDictionaryInt64Int32) is not { } saved)
            {
                return false;
            }

            foreach (var (sender, daily) in saved.Take(MaxSenders))
            {
                if (daily is not null)
                {
                    _senders.Set(sender, new SenderBurst { DailyMax = new(daily.OrderByDescending(static p => p.Key).Take(SenderBurst.BaselineDays + 1)) });
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
