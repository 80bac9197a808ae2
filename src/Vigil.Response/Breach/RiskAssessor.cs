namespace Vigil.Response.Breach;

/// <summary>
/// Likelihood and severity on the DSPT guide's 5-point scales, from the scope and the facts:
/// <list type="bullet">
/// <item>likelihood: 1 when nobody's data was exposed; 2 when it was encrypted; 3 otherwise; 4 when a malicious
/// third party had it (a cyber incident); 5 when it has been used to phish the people;</item>
/// <item>severity: 2 for identity data alone; 3 when contact details are exposed with identity data (enough for
/// phishing that names the person and their practice); 4 for health data (special category); raised by one when
/// phishing was observed and contact details were exposed (up to 4: 5 is for a person to judge);</item>
/// <item>vulnerable groups raise both to at least 2;</item>
/// <item>level: unlikely when either is 1, or both are at most 2; high when both are at least 3; a risk otherwise.</item>
/// </list>
/// The research notes mark the DSPT grid's exact cells unverified: this is Vigil's reading, and the people decide.
/// </summary>
public static class RiskAssessor
{
    /// <summary>Assesses the risk to people.</summary>
    public static BreachRisk Assess(BreachScope scope, BreachFacts facts)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<string>();
        if (scope.People == 0)
        {
            reasons.Add("No person's identity or contact data was found in the evidence.");
            return new BreachRisk(Likelihood.NotOccurred, Severity.NoAdverseEffect, RiskLevel.Unlikely, reasons);
        }

        var likelihood = Likelihood.Likely;
        if (facts.Encrypted)
        {
            likelihood = Likelihood.NotLikely;
            reasons.Add("Likelihood 2: the data was encrypted, unintelligible to the unauthorised party (GDPR Art. 34(3)(a)).");
        }
        else if (facts.PhishingObserved)
        {
            likelihood = Likelihood.Occurred;
            reasons.Add("Likelihood 5: the exposed data has been used to phish the people.");
        }
        else if (facts.Cyber)
        {
            likelihood = Likelihood.HighlyLikely;
            reasons.Add("Likelihood 4: a malicious third party had access to the data.");
        }
        else
        {
            reasons.Add("Likelihood 3: the data was disclosed to an unauthorised party.");
        }

        var severity = Severity.Minor;
        reasons.Add($"Severity 2: identity data of {scope.PeopleWithIdentity} people exposed.");
        if (scope.PeopleWithContact > 0 && scope.PeopleWithIdentity > 0)
        {
            severity = Severity.Adverse;
            reasons.Add($"Severity 3: contact details of {scope.PeopleWithContact} people exposed with identity data: enough for phishing that names them and their practice.");
        }

        if (scope.PeopleWithHealth > 0)
        {
            severity = Severity.Serious;
            reasons.Add($"Severity 4: health data (special category) of {scope.PeopleWithHealth} people exposed.");
        }
        else if (facts.PhishingObserved && scope.PeopleWithContact > 0)
        {
            severity = (Severity)Math.Min((int)severity + 1, (int)Severity.Serious);
            reasons.Add($"Severity {(int)severity}: raised because the contact details have been used for phishing.");
        }

        if (facts.VulnerableGroups)
        {
            likelihood = (Likelihood)Math.Max((int)likelihood, 2);
            severity = (Severity)Math.Max((int)severity, 2);
            reasons.Add("Vulnerable groups are among the people: both scales at least 2.");
        }

        var level = Level(likelihood, severity);
        reasons.Add($"Level: {level} (likelihood {(int)likelihood} x severity {(int)severity}).");
        return new BreachRisk(likelihood, severity, level, reasons);
    }

    /// <summary>The level for a likelihood and a severity: unlikely when either is 1 or both are at most 2; high when both are at least 3; a risk otherwise.</summary>
    public static RiskLevel Level(Likelihood likelihood, Severity severity)
        => (int)likelihood == 1 || (int)severity == 1 || ((int)likelihood <= 2 && (int)severity <= 2) ? RiskLevel.Unlikely
            : (int)likelihood >= 3 && (int)severity >= 3 ? RiskLevel.High : RiskLevel.Risk;
}
