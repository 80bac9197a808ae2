namespace Vigil.Response.Documents;

/// <summary>How a regulator is named and reached, per jurisdiction profile, for the notification draft's wording.</summary>
/// <param name="Name">The authority (Information Commissioner's Office...).</param>
/// <param name="Law">The law and its provision.</param>
/// <param name="Route">How the report is made.</param>
/// <param name="Deadline">The deadline as the law states it.</param>
public sealed record Authority(string Name, string Law, string Route, string Deadline)
{
    /// <summary>The wording for a jurisdiction profile id.</summary>
    public static Authority For(string jurisdiction) => jurisdiction switch
    {
        "uk-gdpr" => new("Information Commissioner's Office (ICO)", "UK GDPR Article 33", "ICO personal data breach report form (online), or the helpline 0303 123 1113", "without undue delay and, where feasible, not later than 72 hours after becoming aware"),
        "eu-gdpr" => new("Lead supervisory authority", "GDPR (Regulation (EU) 2016/679) Article 33", "The supervisory authority's breach notification form", "without undue delay and, where feasible, not later than 72 hours after becoming aware"),
        "gg-dpl" => new("Office of the Data Protection Authority (ODPA), Guernsey", "Data Protection (Bailiwick of Guernsey) Law, 2017, section 42", "ODPA secure breach reporting facility", "as soon as practicable and in any event no later than 72 hours after becoming aware"),
        "je-dpjl" => new("Jersey Office of the Information Commissioner (JOIC)", "Data Protection (Jersey) Law 2018, Article 20", "JOIC breach reporting (jerseyoic.org)", "within 72 hours of becoming aware, where feasible"),
        "us-hipaa" => new("U.S. Department of Health and Human Services (HHS), Office for Civil Rights", "45 CFR 164.408 (HIPAA Breach Notification Rule)", "HHS breach portal", "500 or more individuals: at the same time as the individuals, within 60 days of discovery; fewer: within 60 days after the end of the calendar year"),
        "nhs-dspt" => new("NHS England, via the Data Security and Protection Toolkit", "DSPT incident reporting (Data Security Standard 6); UK GDPR Article 33", "DSPT incident reporting tool (forwards to the ICO, and to DHSC where required)", "within 72 hours of becoming aware"),
        _ => new("Supervisory authority", "Applicable data protection law", "The authority's breach reporting route", "without undue delay"),
    };
}
