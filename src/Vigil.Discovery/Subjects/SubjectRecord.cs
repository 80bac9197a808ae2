using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Subjects;

/// <summary>The findings of one item that belong to one person (a header address, a patient block, a next of kin).</summary>
internal sealed class SubjectRecord(string itemId, bool correspondent, int line)
{
    public string ItemId { get; } = itemId;

    public bool Correspondent { get; } = correspondent;

    /// <summary>The line (of its part) where the record started: a companion collects contact details on it.</summary>
    public int Line { get; } = line;

    public List<Finding> Findings { get; } = [];

    public string? Name { get; private set; }

    public bool HasIdentity => Findings.Exists(static f => f.Category != Recognition.PhiCategory.Health);

    public void Add(Finding finding)
    {
        if (finding.Type == Recognition.PhiTypes.Person && Name is null)
        {
            Name = SubjectKeys.Name(finding.Value);
        }

        Findings.Add(finding);
    }

    /// <summary>The value of an exclusive type (NHS number, date of birth...) this record already holds, if another.</summary>
    public bool Conflicts(Finding finding)
    {
        if (!SubjectKeys.IsExclusive(finding.Type))
        {
            return false;
        }

        var value = SubjectKeys.Normalise(finding.Type, finding.Value);
        return Findings.Exists(f => f.Type == finding.Type && SubjectKeys.Normalise(f.Type, f.Value) != value);
    }
}
