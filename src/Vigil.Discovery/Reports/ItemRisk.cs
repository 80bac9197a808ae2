using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Reports;

/// <summary>How much one item exposes, for ranking: no values, only counts.</summary>
/// <param name="ItemId">The item's id.</param>
/// <param name="Kind">Message or document.</param>
/// <param name="Score">The risk score (<see cref="Of"/>).</param>
/// <param name="Identity">Identity findings.</param>
/// <param name="Contact">Contact findings.</param>
/// <param name="Health">Health findings.</param>
/// <param name="Types">The types found, ordered by name.</param>
public sealed record ItemRisk(string ItemId, ScanItemKind Kind, int Score, int Identity, int Contact, int Health, IReadOnlyList<string> Types)
{
    /// <summary>
    /// Scores an item: each health fact 3, each national number (NHS, CHI, H&amp;C, NI, social security) or record number 3,
    /// each date of birth 2, each name or contact detail 1; doubled when health data and an identifying number or a
    /// date of birth are in the same item, because that ties special category data to a named person.
    /// </summary>
    public static ItemRisk Of(ItemFindings item)
    {
        ArgumentNullException.ThrowIfNull(item);
        int identity = 0, contact = 0, health = 0, score = 0;
        var identifying = false;
        foreach (var f in item.Findings)
        {
            switch (f.Category)
            {
                case PhiCategory.Health:
                    health++;
                    score += 3;
                    break;
                case PhiCategory.Contact:
                    contact++;
                    score += 1;
                    break;
                default:
                    identity++;
                    var weight = f.Type switch { PhiTypes.Person => 1, PhiTypes.DateOfBirth => 2, _ => 3 };
                    identifying |= weight > 1;
                    score += weight;
                    break;
            }
        }

        if (health > 0 && identifying)
        {
            score *= 2;
        }

        var types = item.Findings.Select(static f => f.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ItemRisk(item.ItemId, item.Kind, score, identity, contact, health, types);
    }
}
