using Vigil.Response.Breach;

namespace Vigil.Response.Tests.Breach;

public sealed class JurisdictionRulesTests
{
    private static JurisdictionRuling Hipaa(int people, BreachFacts? facts = null)
    {
        facts ??= Fixtures.Facts;
        var scope = Fixtures.Scope(people);
        return JurisdictionRules.Rule("us-hipaa", scope, RiskAssessor.Assess(scope, facts), facts, Fixtures.Aware);
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(499, false, false)]
    [InlineData(500, true, false)]
    [InlineData(501, true, true)]
    public void HIPAA_tells_HHS_with_the_individuals_from_500_and_the_media_above_500(int people, bool hhsNow, bool media)
    {
        var ruling = Hipaa(people);

        Assert.True(ruling.RegulatorRequired);
        Assert.True(ruling.IndividualsRequired);
        Assert.Equal(Fixtures.Aware.AddDays(60), ruling.IndividualsDeadline);
        Assert.Equal(media, ruling.MediaRequired);
        // Under 500 HHS is told in the annual log: 60 days after the end of the calendar year.
        Assert.Equal(hhsNow ? Fixtures.Aware.AddDays(60) : new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(60), ruling.RegulatorDeadline);
    }

    [Fact]
    public void HIPAA_secured_PHI_or_a_documented_low_probability_is_not_a_breach()
    {
        Assert.False(Hipaa(600, Fixtures.Facts with { Encrypted = true }).IndividualsRequired);
        var low = Hipaa(600, Fixtures.Facts with { LowProbabilityOfCompromise = true });
        Assert.False(low.RegulatorRequired || low.IndividualsRequired || low.MediaRequired);
        Assert.Contains(low.Basis, static b => b.Contains("low probability", StringComparison.Ordinal));
    }

    public static TheoryData<string, bool, bool, bool, bool, RiskLevel, bool, bool> Gdpr => new()
    {
        // health, contact, encrypted, cyber -> level, regulator, individuals
        { "uk-gdpr", true, true, false, true, RiskLevel.High, true, true },
        { "uk-gdpr", false, false, false, false, RiskLevel.Risk, true, false },
        { "eu-gdpr", true, true, true, true, RiskLevel.Risk, true, false },
        { "gg-dpl", false, false, true, true, RiskLevel.Unlikely, false, false },
        { "je-dpjl", false, true, false, true, RiskLevel.High, true, true },
        { "nhs-dspt", true, true, false, true, RiskLevel.High, true, false },
    };

    [Theory]
    [MemberData(nameof(Gdpr))]
    public void GDPR_style_laws_exempt_unlikely_risk_and_tell_people_only_of_high_risk_unencrypted(string jurisdiction, bool health, bool contact, bool encrypted, bool cyber, RiskLevel level, bool regulator, bool individuals)
    {
        var facts = Fixtures.Facts with { Encrypted = encrypted, Cyber = cyber };
        var scope = Fixtures.Scope(3, health, contact);
        var risk = RiskAssessor.Assess(scope, facts);

        var ruling = JurisdictionRules.Rule(jurisdiction, scope, risk, facts, Fixtures.Aware);

        Assert.Equal(level, risk.Level);
        Assert.Equal(regulator, ruling.RegulatorRequired);
        Assert.Equal(individuals, ruling.IndividualsRequired);
        Assert.Equal(regulator ? Fixtures.Aware.AddHours(72) : null, ruling.RegulatorDeadline);
    }

    [Fact]
    public void Phishing_with_the_stolen_details_raises_likelihood_to_occurred_and_severity_of_contact_data()
    {
        var scope = Fixtures.Scope(3, health: false);

        var exposed = RiskAssessor.Assess(scope, Fixtures.Facts);
        var phished = RiskAssessor.Assess(scope, Fixtures.Facts with { PhishingObserved = true });

        Assert.Equal((Likelihood.HighlyLikely, Severity.Adverse), (exposed.Likelihood, exposed.Severity));
        Assert.Equal((Likelihood.Occurred, Severity.Serious), (phished.Likelihood, phished.Severity));
    }

    [Fact]
    public void No_person_in_the_evidence_is_no_risk()
    {
        var risk = RiskAssessor.Assess(BreachScope.Empty, Fixtures.Facts);

        Assert.Equal(RiskLevel.Unlikely, risk.Level);
        Assert.False(JurisdictionRules.Rule("uk-gdpr", BreachScope.Empty, risk, Fixtures.Facts, Fixtures.Aware).RegulatorRequired);
    }
}
