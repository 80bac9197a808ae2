namespace Vigil.Response.Deadlines;

/// <summary>The jurisdiction profiles Vigil knows (see docs/incidents.md for the sources).</summary>
public static class Jurisdictions
{
    private static readonly TimeSpan SeventyTwoHours = TimeSpan.FromHours(72);
    private static readonly TimeSpan SixtyDays = TimeSpan.FromDays(60);

    /// <summary>Every profile, by id.</summary>
    public static readonly IReadOnlyList<JurisdictionProfile> All =
    [
        new("uk-gdpr", "UK GDPR", [new("regulator", "ICO", SeventyTwoHours, DeadlineBasis.Awareness, "UK GDPR Art. 33(1)")]),
        new("eu-gdpr", "EU GDPR", [new("regulator", "supervisory authority", SeventyTwoHours, DeadlineBasis.Awareness, "GDPR Art. 33(1)")]),
        new("gg-dpl", "Data Protection (Bailiwick of Guernsey) Law, 2017", [new("regulator", "ODPA", SeventyTwoHours, DeadlineBasis.Awareness, "DPL 2017 s.42")]),
        new("je-dpjl", "Data Protection (Jersey) Law 2018", [new("regulator", "JOIC", SeventyTwoHours, DeadlineBasis.Awareness, "DPJL 2018 Art. 20")]),
        new("us-hipaa", "US HIPAA Breach Notification Rule",
        [
            new("individuals", "affected individuals", SixtyDays, DeadlineBasis.Awareness, "45 CFR 164.404(b)"),
            new("hhs", "HHS", SixtyDays, DeadlineBasis.Awareness, "45 CFR 164.408(b)", MinimumAffected: 500),
            new("media", "prominent media outlets", SixtyDays, DeadlineBasis.Awareness, "45 CFR 164.406", MinimumAffected: 500),
            new("hhs-annual", "HHS (annual log)", SixtyDays, DeadlineBasis.EndOfCalendarYear, "45 CFR 164.408(c)", BelowAffected: 500),
        ]),
        new("nhs-dspt", "NHS Data Security and Protection Toolkit", [new("dspt", "NHS England via the DSPT incident reporting tool", SeventyTwoHours, DeadlineBasis.Awareness, "DSPT incident reporting guidance (72 hours)")]),
    ];

    /// <summary>The profile <paramref name="id"/>, or null.</summary>
    public static JurisdictionProfile? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}
