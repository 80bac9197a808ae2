using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Subjects;

/// <summary>
/// Splits one item's findings into the people they belong to: each sender or recipient address (name and e-mail of a
/// From, To, Cc, Reply-To header) is a correspondent; in the text, each paragraph is one person's record, split again
/// where a second value of an exclusive identifier (another NHS number, another date of birth) starts a second person,
/// and where another name appears (a next of kin: they take the contact details written on their own line). A name
/// or e-mail in the text that is a correspondent's (a signature, "Dear ...") goes to that correspondent, with the
/// contact details that follow it in its paragraph before anyone else is named (the signature's telephone number).
/// </summary>
internal static class RecordBuilder
{
    private static readonly HashSet<string> AddressHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "headers:From", "headers:To", "headers:Cc", "headers:Bcc", "headers:Reply-To", "headers:Sender",
    };

    public static List<SubjectRecord> Build(ItemFindings item)
    {
        var records = new List<SubjectRecord>();
        var correspondents = Correspondents(item, records);
        var orphans = new List<SubjectRecord>();
        foreach (var paragraph in item.Findings.Where(static f => !AddressHeaders.Contains(f.Part))
                     .GroupBy(static f => (f.Part, f.Position.Paragraph)))
        {
            Paragraph(item.ItemId, paragraph.ToList(), correspondents, records, orphans);
        }

        // Health facts with nobody in their paragraph belong to the item's one person, if it has exactly one.
        var people = records.Where(static r => !r.Correspondent).ToList();
        foreach (var orphan in orphans)
        {
            if (people.Count == 1)
            {
                orphan.Findings.ForEach(people[0].Add);
            }
            else
            {
                records.Add(orphan);
            }
        }

        return records;
    }

    private static List<SubjectRecord> Correspondents(ItemFindings item, List<SubjectRecord> records)
    {
        var result = new List<SubjectRecord>();
        SubjectRecord? open = null;
        var line = -1;
        foreach (var f in item.Findings.Where(static f => AddressHeaders.Contains(f.Part)))
        {
            // A name opens an address; the e-mail after it on the same line closes it.
            if (open is null || f.Position.Line != line || f.Type == PhiTypes.Person || open.Findings.Exists(static x => x.Type == PhiTypes.Email))
            {
                open = new SubjectRecord(item.ItemId, correspondent: true, f.Position.Line);
                result.Add(open);
                line = f.Position.Line;
            }

            open.Add(f);
        }

        records.AddRange(result);
        return result;
    }

    private static void Paragraph(string itemId, List<Finding> findings, List<SubjectRecord> correspondents, List<SubjectRecord> records, List<SubjectRecord> orphans)
    {
        SubjectRecord? primary = null;
        SubjectRecord? companion = null;
        var started = new List<SubjectRecord>();
        SubjectRecord? signature = null;
        foreach (var f in findings)
        {
            if (Correspondent(f, correspondents) is { } owner)
            {
                owner.Add(f);
                signature = primary is null ? owner : null;
                continue;
            }

            // Contact details after a correspondent's name, before anyone else in the paragraph: their signature's.
            if (signature is not null && primary is null && f.Category == PhiCategory.Contact)
            {
                signature.Add(f);
                continue;
            }

            if (primary is not null && primary.Conflicts(f))
            {
                // A second person: a companion named just before takes the new identifier as its own.
                var promote = companion is not null && companion.Line >= f.Position.Line - 1 && !companion.Findings.Exists(x => SubjectKeys.IsExclusive(x.Type));
                primary = promote ? companion! : Open(itemId, f, started);
                companion = null;
            }

            primary ??= Open(itemId, f, started);
            if (f.Type == PhiTypes.Person && primary.Name is not null && SubjectKeys.Name(f.Value) is { } name && !SubjectKeys.SameName(primary.Name, name))
            {
                companion = started.Find(r => r.Name is { } n && SubjectKeys.SameName(n, name)) ?? Open(itemId, f, started);
                companion.Add(f);
                continue;
            }

            if (companion is not null && f.Position.Line == companion.Line && f.Category == PhiCategory.Contact)
            {
                companion.Add(f);
                continue;
            }

            primary.Add(f);
        }

        foreach (var r in started)
        {
            (r.HasIdentity ? records : orphans).Add(r);
        }
    }

    private static SubjectRecord Open(string itemId, Finding f, List<SubjectRecord> started)
    {
        var record = new SubjectRecord(itemId, correspondent: false, f.Position.Line);
        started.Add(record);
        return record;
    }

    private static SubjectRecord? Correspondent(Finding f, List<SubjectRecord> correspondents)
    {
        if (f.Type == PhiTypes.Person && SubjectKeys.Name(f.Value) is { } name)
        {
            return correspondents.Find(c => c.Name is { } n && SubjectKeys.SameName(n, name));
        }

        if (f.Type == PhiTypes.Email)
        {
            var email = SubjectKeys.Normalise(f.Type, f.Value);
            return correspondents.Find(c => c.Findings.Exists(x => x.Type == PhiTypes.Email && SubjectKeys.Normalise(x.Type, x.Value) == email));
        }

        return null;
    }
}
