using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// The same forwarding destination set on several mailboxes (M365 audit): Set-Mailbox forwarding, or inbox rules that
/// forward or redirect. An attacker harvesting a practice's mail points every mailbox they hold at one address; staff
/// forwarding to a colleague rarely share a destination.
/// </summary>
/// <remarks>
/// Sigma cannot say it: the destination is a <c>Parameters</c> value whose name is in a sibling field, and correlations
/// group by fields, not by such pairs. Destinations are paired with names in the order the audit record lists them
/// (<c>Parameters.Name</c>, <c>Parameters.Value</c>), lower-cased, <c>smtp:</c> and list separators removed. Fires once
/// per destination (high) when a second distinct mailbox is pointed at it within 7 days (event time), and again for
/// each further mailbox. State: up to 10,000 destinations with up to 64 mailboxes each, oldest dropped; saved.
/// </remarks>
internal sealed class SharedForwardingAnalytic : IStatefulAnalytic
{
    public const int MaxDestinations = 10_000;

    private const int MaxMailboxes = 64;
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);
    private static readonly HashSet<string> Operations = new(["Set-Mailbox", "New-InboxRule", "Set-InboxRule", "UpdateInboxRules"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Destinations = new(["ForwardingSmtpAddress", "ForwardingAddress", "ForwardTo", "ForwardAsAttachmentTo", "RedirectTo"], StringComparer.OrdinalIgnoreCase);
    private static readonly int NameId = FieldNames.Intern("Parameters.Name");
    private static readonly int ValueId = FieldNames.Intern("Parameters.Value");

    private readonly BoundedMap<string, Dictionary<string, DateTimeOffset>> _destinations = new(MaxDestinations, StringComparer.Ordinal);
    private readonly UnevaluatedTally _unevaluated = new();

    public RuleInfo Info { get; } = AnalyticInfo.Create("shared-forwarding-destination", "Same forwarding destination on several mailboxes", Level.High,
        "Two or more mailboxes were set to forward or redirect to the same address within 7 days. Check who set it (UserId, ClientIP): one outside address collecting several mailboxes is mail theft.",
        new Logsource("m365", null, "audit"), "attack.collection", "attack.t1114.003", "attack.exfiltration", "attack.t1020");

    public IReadOnlyCollection<string> SourceTypes { get; } = ["m365.audit"];

    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        if (e.Get("Operation") is not { } operation || !Operations.Contains(operation))
        {
            return;
        }

        var mailbox = (e.Get("ObjectId") ?? e.Get("MailboxOwnerUPN") ?? e.Get("UserId"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(mailbox))
        {
            _unevaluated.Add("missing-mailbox");
            return;
        }

        if (e.Timestamp is not { } time)
        {
            _unevaluated.Add("missing-time");
            return;
        }

        foreach (var destination in DestinationsOf(e))
        {
            var seen = _destinations.GetOrAdd(destination, static () => new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal));
            foreach (var old in seen.Where(p => time - p.Value > Window).Select(static p => p.Key).ToList())
            {
                seen.Remove(old);
            }

            var isNew = !seen.ContainsKey(mailbox);
            if (isNew && seen.Count >= MaxMailboxes)
            {
                seen.Remove(seen.MinBy(static p => p.Value).Key);
            }

            seen[mailbox] = time;
            if (isNew && seen.Count >= 2)
            {
                output.Add(new RuleMatch(Info, time, e, [], new Dictionary<string, string?> { ["destination"] = destination }, seen.Count));
            }
        }
    }

    public string SaveState() =>
        JsonSerializer.Serialize(_destinations.Entries.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal), AnalyticsJson.Default.DictionaryStringDictionaryStringDateTimeOffset);

    public bool LoadState(string state)
    {
        _destinations.Clear();
        try
        {
            if (JsonSerializer.Deserialize(state, AnalyticsJson.Default.DictionaryStringDictionaryStringDateTimeOffset) is not { } saved)
            {
                return false;
            }

            foreach (var (destination, mailboxes) in saved.Take(MaxDestinations))
            {
                if (mailboxes is not null)
                {
                    _destinations.Set(destination, new Dictionary<string, DateTimeOffset>(mailboxes.OrderByDescending(static p => p.Value).Take(MaxMailboxes), StringComparer.Ordinal));
                }
            }

            return true;
        }
        catch (JsonException)
        {
            _destinations.Clear();
            return false;
        }
    }

    private static List<string> DestinationsOf(LogEvent e)
    {
        var found = new List<string>();
        string? name = null;
        for (var i = 0; i < e.Count; i++)
        {
            var id = e.IdAt(i);
            if (id == NameId)
            {
                name = e.ValueAt(i);
            }
            else if (id == ValueId && name is not null && Destinations.Contains(name) && e.ValueAt(i) is { Length: > 0 } value)
            {
                foreach (var part in value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var address = part.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? part[5..] : part;
                    if (address.Length > 0)
                    {
                        found.Add(address.Trim('"', '<', '>').ToLowerInvariant());
                    }
                }

                name = null;
            }
        }

        return found;
    }
}
