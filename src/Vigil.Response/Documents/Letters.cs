using Vigil.Discovery.Recognition;
using Vigil.Response.Breach;

namespace Vigil.Response.Documents;

/// <summary>
/// Fills the letter template once per affected person with that person's data only: their name and address, and the
/// types of their data that were exposed (never the values, never anyone else's).
/// </summary>
public static class Letters
{
    /// <summary>One letter per person; the problems of the first letter whose template failed, if any.</summary>
    public static (IReadOnlyList<PatientLetter> Letters, IReadOnlyList<string> Problems) Render(TextTemplate template, BreachAssessment assessment, IReadOnlyList<AffectedPerson> people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(people);
        var letters = new List<PatientLetter>();
        foreach (var person in people)
        {
            var result = template.Render(Values(assessment, person, now));
            if (!result.Ok)
            {
                return ([], result.Problems);
            }

            letters.Add(new PatientLetter(person, result.Text));
        }

        return (letters, []);
    }

    /// <summary>The fields a letter template can use, for one person.</summary>
    public static TemplateValues Values(BreachAssessment assessment, AffectedPerson person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(person);
        var facts = assessment.Facts;
        return new TemplateValues()
            .Text("organisation", facts.Organisation)
            .Text("contact_point", facts.ContactPoint)
            .Text("date", now.ToUniversalTime().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))
            .Text("incident_reference", assessment.IncidentReference)
            .Text("patient_name", person.Name ?? "")
            .Text("greeting", person.Name is { } n ? $"Dear {n}," : "Dear patient,")
            .Text("patient_address", person.Address ?? "")
            .Text("patient_email", person.Email ?? "")
            .Text("what_happened", facts.Description)
            .Text("aware_date", RegulatorDraft.Date(assessment.AwareAt)[..10])
            .Text("occurred_date", facts.OccurredAt is { } o ? RegulatorDraft.Date(o)[..10] : "a date we are still establishing")
            .List("exposed_data", person.Types.Select(DataLabels.Yours).Distinct().ToList())
            .List("exposed_categories", person.Categories.Select(DataLabels.Category).ToList())
            .List("measures_taken", facts.MeasuresTaken)
            .List("measures_proposed", facts.MeasuresProposed)
            .Flag("health", person.Categories.Contains(PhiCategory.Health))
            .Flag("contact", person.Categories.Contains(PhiCategory.Contact))
            .Flag("identity", person.Categories.Contains(PhiCategory.Identity))
            .Flag("has_email", person.Email is not null)
            .Flag("has_phone", person.Phone is not null)
            .Flag("has_address", person.Address is not null)
            .Flag("has_measures", facts.MeasuresTaken.Count > 0)
            .Flag("phishing_observed", facts.PhishingObserved);
    }
}
