using Vigil.Response.Breach;

namespace Vigil.Response.Documents;

/// <summary>The likely consequences for people (GDPR Art. 33(3)(c)), from what was exposed.</summary>
public static class Consequences
{
    /// <summary>One sentence per consequence, most serious first.</summary>
    public static IReadOnlyList<string> For(BreachScope scope, BreachFacts facts)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facts);
        var list = new List<string>();
        if (scope.People == 0)
        {
            return ["No consequences for individuals identified: no personal data found in the evidence."];
        }

        if (scope.PeopleWithHealth > 0)
        {
            list.Add($"Loss of confidentiality of health information of {scope.PeopleWithHealth} people: distress, embarrassment, possible discrimination.");
        }

        if (scope.PeopleWithContact > 0)
        {
            list.Add(facts.PhishingObserved
                ? $"Targeted phishing: the contact details of {scope.PeopleWithContact} people have been used to send them convincing fraudulent messages that cite their practice and personal details."
                : $"Targeted phishing and fraud: the contact details of {scope.PeopleWithContact} people, with their identity data, allow convincing fraudulent messages that cite their practice and personal details.");
        }

        if (scope.PeopleByType.Keys.Any(static t => t is "UK_NHS" or "SCOT_CHI" or "NI_HC" or "UK_NINO" or "GY_SSN" or "JE_SSN" or "DATE_OF_BIRTH"))
        {
            list.Add("Identity fraud or impersonation using identification numbers and dates of birth.");
        }

        if (facts.Encrypted)
        {
            list.Add("Mitigated: the data was encrypted, unintelligible to the unauthorised party.");
        }

        return list;
    }
}
