using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// The event has at least one of the fields a rule names. Gates rules whose logsource no routing covers, so that a
/// rule written for another source (a Zeek rule whose condition is <c>not selection</c>) does not fire on every
/// event that simply lacks its fields.
/// </summary>
internal sealed class AnyFieldPresent(int[] fieldIds) : Matcher
{
    public override bool Matches(LogEvent e)
    {
        foreach (var id in fieldIds)
        {
            if (e.Has(id))
            {
                return true;
            }
        }

        return false;
    }
}
