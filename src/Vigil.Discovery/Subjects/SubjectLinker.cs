using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Subjects;

/// <summary>
/// Links findings into data subjects across a whole mailbox. Each item is split into people's records
/// (<see cref="RecordBuilder"/>); records are then joined, in this order:
/// <list type="number">
/// <item>the same NHS, CHI, H&amp;C, NI or Guernsey/Jersey social security number: always the same person;</item>
/// <item>the same name and date of birth, the same e-mail address (not one seen in a From/To/Cc header: that is a
/// correspondent's), the same name twice in one item: only when the two sides hold no different national number or
/// date of birth (a family sharing an e-mail address are several people).</item>
/// </list>
/// A name alone never links across items: a signature or a common name would merge strangers. Needs the findings'
/// values (<see cref="PhiScannerOptions.KeepValues"/>).
/// </summary>
public sealed class SubjectLinker
{
    private readonly List<SubjectRecord> _records = [];
    private readonly HashSet<string> _headerEmails = [];
    private readonly List<string> _itemOrder = [];

    /// <summary>Adds one item's findings.</summary>
    public void Add(ItemFindings item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Findings.Count == 0)
        {
            return;
        }

        _itemOrder.Add(item.ItemId);
        foreach (var record in RecordBuilder.Build(item))
        {
            _records.Add(record);
            if (record.Correspondent)
            {
                foreach (var f in record.Findings.Where(static f => f.Type == PhiTypes.Email))
                {
                    _headerEmails.Add(SubjectKeys.Normalise(f.Type, f.Value));
                }
            }
        }
    }

    /// <summary>The subjects, in order of first appearance; <paramref name="reveal"/> puts values in them.</summary>
    public IReadOnlyList<DataSubject> Build(bool reveal)
    {
        var sets = new DisjointSets(_records.Count, i => _records[i]);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _records.Count; i++)
        {
            foreach (var f in _records[i].Findings.Where(static f => SubjectKeys.IsStrong(f.Type)))
            {
                Link(sets, owners, $"{f.Type}:{SubjectKeys.Normalise(f.Type, f.Value)}", i, checkConflicts: false);
            }
        }

        for (var i = 0; i < _records.Count; i++)
        {
            foreach (var key in WeakKeys(_records[i]))
            {
                Link(sets, owners, key, i, checkConflicts: true);
            }
        }

        return SubjectAssembler.Assemble(_records, sets, _itemOrder, reveal);
    }

    private IEnumerable<string> WeakKeys(SubjectRecord record)
    {
        var name = record.Name;
        foreach (var f in record.Findings)
        {
            if (f.Type == PhiTypes.Email)
            {
                var email = SubjectKeys.Normalise(f.Type, f.Value);
                if (record.Correspondent || !_headerEmails.Contains(email))
                {
                    yield return "EMAIL:" + email;
                }
            }
            else if (f.Type == PhiTypes.DateOfBirth && name is not null)
            {
                yield return $"NAME+DOB:{name}|{SubjectKeys.Normalise(f.Type, f.Value)}";
            }
        }

        if (name is not null)
        {
            yield return $"NAME@{record.ItemId}:{name}";
        }
    }

    private static void Link(DisjointSets sets, Dictionary<string, int> owners, string key, int record, bool checkConflicts)
    {
        if (!owners.TryGetValue(key, out var owner))
        {
            owners[key] = record;
            return;
        }

        var reason = key[..key.IndexOfAny([':', '@'])];
        sets.Union(owner, record, checkConflicts, reason == "NAME" ? null : reason);
    }
}
