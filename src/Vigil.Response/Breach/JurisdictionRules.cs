namespace Vigil.Response.Breach;

/// <summary>
/// What each jurisdiction's breach-notification law requires, from the risk, the scope and the facts. Deadlines count
/// from the moment of awareness. Sources: ../shared/docs/research/awareness-ir.md section B2.
/// </summary>
public static class JurisdictionRules
{
    /// <summary>HIPAA §164.408: HHS is told at the same time as the individuals when this many or more are affected.</summary>
    public const int HipaaHhsThreshold = 500;

    /// <summary>The jurisdictions Vigil knows.</summary>
    public static IReadOnlyList<string> Known { get; } = ["uk-gdpr", "eu-gdpr", "gg-dpl", "je-dpjl", "us-hipaa", "nhs-dspt"];

    /// <summary>The ruling for one jurisdiction; an unknown id gets the GDPR test and says so in its basis.</summary>
    public static JurisdictionRuling Rule(string jurisdiction, BreachScope scope, BreachRisk risk, BreachFacts facts, DateTimeOffset awareAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(facts);
        return jurisdiction switch
        {
            "uk-gdpr" => Gdpr(jurisdiction, "ICO", "UK GDPR", risk, facts, awareAt, "Art. 33(1)", "Art. 34(1)"),
            "eu-gdpr" => Gdpr(jurisdiction, "Lead supervisory authority", "EU GDPR", risk, facts, awareAt, "Art. 33(1)", "Art. 34(1)"),
            "gg-dpl" => Guernsey(risk, facts, awareAt),
            "je-dpjl" => Gdpr(jurisdiction, "JOIC", "Data Protection (Jersey) Law 2018", risk, facts, awareAt, "Art. 20", "Art. 20 (data subjects)"),
            "us-hipaa" => Hipaa(scope, facts, awareAt),
            "nhs-dspt" => Dspt(risk, awareAt),
            _ => Gdpr(jurisdiction, "Supervisory authority", $"Unknown profile '{jurisdiction}': GDPR test applied", risk, facts, awareAt, "Art. 33(1)", "Art. 34(1)"),
        };
    }

    private static JurisdictionRuling Gdpr(string id, string authority, string law, BreachRisk risk, BreachFacts facts, DateTimeOffset awareAt, string regulatorArticle, string subjectsArticle)
    {
        var basis = new List<string>();
        var regulator = risk.Level != RiskLevel.Unlikely;
        basis.Add(regulator
            ? $"{law} {regulatorArticle}: the breach is likely to result in a risk to people's rights and freedoms; tell the {authority} within 72 hours of awareness."
            : $"{law} {regulatorArticle}: the breach is unlikely to result in a risk to people's rights and freedoms; record it in the register, no notification.");
        var individuals = risk.Level == RiskLevel.High && !facts.Encrypted;
        if (risk.Level == RiskLevel.High && facts.Encrypted)
        {
            basis.Add($"{law} Art. 34(3)(a): high risk, but the data was encrypted (unintelligible): the people need not be told.");
        }
        else
        {
            basis.Add(individuals
                ? $"{law} {subjectsArticle}: high risk to people's rights and freedoms; tell them without undue delay, in clear and plain language."
                : $"{law} {subjectsArticle}: not a high risk; the people need not be told.");
        }

        return new JurisdictionRuling(id, authority, regulator, regulator ? awareAt.AddHours(72) : null, individuals, null, false, basis);
    }

    private static JurisdictionRuling Guernsey(BreachRisk risk, BreachFacts facts, DateTimeOffset awareAt)
    {
        var regulator = risk.Level != RiskLevel.Unlikely;
        var individuals = risk.Level == RiskLevel.High && !facts.Encrypted;
        var basis = new List<string>
        {
            regulator
                ? "Data Protection (Bailiwick of Guernsey) Law 2017 s.42: written notice to the ODPA as soon as practicable and no later than 72 hours after awareness."
                : "s.42(5): unlikely to result in any risk to the significant interests of the data subjects; keep it in the internal log.",
            individuals
                ? "High risk to the significant interests of the data subjects: tell them as soon as practicable, in clear and plain language (s.43; section number unverified)."
                : "Not a high risk to the significant interests of the data subjects (or the data was encrypted): the people need not be told.",
        };
        return new JurisdictionRuling("gg-dpl", "ODPA", regulator, regulator ? awareAt.AddHours(72) : null, individuals, null, false, basis);
    }

    private static JurisdictionRuling Hipaa(BreachScope scope, BreachFacts facts, DateTimeOffset awareAt)
    {
        var basis = new List<string>();
        if (scope.People == 0 || facts.Encrypted || facts.LowProbabilityOfCompromise)
        {
            basis.Add(scope.People == 0 ? "No PHI of any individual found in the evidence."
                : facts.Encrypted ? "45 CFR 164.402: the PHI was secured (encrypted per HHS guidance): not a breach of unsecured PHI."
                : "45 CFR 164.402: a documented four-factor risk assessment shows a low probability that the PHI was compromised.");
            basis.Add("Keep the assessment for 6 years (§164.530(j)); the burden of proof is the covered entity's (§164.414).");
            return new JurisdictionRuling("us-hipaa", "HHS", false, null, false, null, false, basis);
        }

        basis.Add("45 CFR 164.402: unsecured PHI was disclosed; presumed a breach (no documented low-probability assessment).");
        basis.Add("§164.404: tell each individual without unreasonable delay and no later than 60 days after discovery.");
        var immediate = scope.People >= HipaaHhsThreshold;
        var endOfYear = new DateTimeOffset(awareAt.Year + 1, 1, 1, 0, 0, 0, awareAt.Offset);
        basis.Add(immediate
            ? $"§164.408: {scope.People} individuals (500 or more): tell HHS at the same time as the individuals."
            : $"§164.408: {scope.People} individuals (fewer than 500): log it and submit to HHS within 60 days after the end of the calendar year.");
        var media = scope.People > HipaaHhsThreshold;
        basis.Add(media
            ? "§164.406: more than 500 residents of a State or jurisdiction may be affected: tell prominent media outlets within 60 days (check residents per State)."
            : "§164.406: not more than 500 individuals: no media notice.");
        var deadline = awareAt.AddDays(60);
        return new JurisdictionRuling("us-hipaa", "HHS", true, immediate ? deadline : endOfYear.AddDays(60), true, deadline, media, basis);
    }

    private static JurisdictionRuling Dspt(BreachRisk risk, DateTimeOffset awareAt)
    {
        var reportable = risk.Level != RiskLevel.Unlikely;
        var basis = new List<string>
        {
            reportable
                ? $"DSPT incident reporting: likelihood {(int)risk.Likelihood}, severity {(int)risk.Severity}: reportable through the DSPT tool within 72 hours (the tool forwards to the ICO)."
                : "DSPT: not reportable on the likelihood/severity grid; record it locally.",
            "The grid's cells are Vigil's reading of the Data Security Standard 6 guide (unverified): check the current guide.",
        };
        if (reportable && risk.Severity >= Severity.Serious && risk.Likelihood >= Likelihood.HighlyLikely)
        {
            basis.Add("Serious and highly likely or occurred: the DSPT tool also informs DHSC.");
        }

        return new JurisdictionRuling("nhs-dspt", "NHS DSPT", reportable, reportable ? awareAt.AddHours(72) : null, false, null, false, basis);
    }
}
