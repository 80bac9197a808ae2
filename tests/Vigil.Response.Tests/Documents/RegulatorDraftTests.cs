using Vigil.Response.Documents;
using Vigil.Response.Tests.Breach;

namespace Vigil.Response.Tests.Documents;

public sealed class RegulatorDraftTests(PlantedMailbox mailbox) : IClassFixture<PlantedMailbox>
{
    private string Draft(string jurisdiction, NotificationPhase phase = NotificationPhase.Initial, double hoursAfterAwareness = 20, Vigil.Response.Breach.BreachAssessment? initial = null)
    {
        var result = RegulatorDraft.Render(DocumentSamples.RegulatorTemplate(), DocumentSamples.Assessment(mailbox, jurisdiction), jurisdiction, phase, initial, Fixtures.Aware.AddHours(hoursAfterAwareness));
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        return result.Text;
    }

    [Theory]
    [InlineData("uk-gdpr", "Information Commissioner's Office (ICO)", "UK GDPR Article 33")]
    [InlineData("gg-dpl", "Office of the Data Protection Authority (ODPA), Guernsey", "section 42")]
    [InlineData("je-dpjl", "Jersey Office of the Information Commissioner (JOIC)", "Article 20")]
    [InlineData("us-hipaa", "Health and Human Services (HHS)", "45 CFR 164.408")]
    [InlineData("nhs-dspt", "Data Security and Protection Toolkit", "Data Security Standard 6")]
    public void The_draft_states_the_counts_and_categories_in_the_regulators_wording(string jurisdiction, string authority, string law)
    {
        var draft = Draft(jurisdiction);

        Assert.Contains(authority, draft, StringComparison.Ordinal);
        Assert.Contains(law, draft, StringComparison.Ordinal);
        Assert.Contains("Approximate number of people affected: 3 (patients", draft, StringComparison.Ordinal);
        Assert.Contains("Approximate number of records affected: 4 ", draft, StringComparison.Ordinal);
        Assert.Contains("Special category data: health data of 3 people.", draft, StringComparison.Ordinal);
        Assert.Contains("- NHS number: 3 people", draft, StringComparison.Ordinal);
        Assert.Contains(Fixtures.Facts.ContactPoint, draft, StringComparison.Ordinal);
        Assert.Contains("- Password reset and sessions revoked", draft, StringComparison.Ordinal);
        Assert.Contains("- Multi-factor authentication for every account", draft, StringComparison.Ordinal);
        Assert.Contains("Targeted phishing", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Reasons for the delay", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_contains_no_patient_identifier()
    {
        var draft = Draft("uk-gdpr");

        foreach (var value in PlantedMailbox.Patients.SelectMany(PlantedMailbox.Identifiers))
        {
            Assert.DoesNotContain(value, draft, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(PlantedMailbox.StaffEmail, draft, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_report_after_72_hours_asks_for_the_reasons_for_the_delay()
    {
        var draft = Draft("gg-dpl", hoursAfterAwareness: 80);

        Assert.Contains("## Reasons for the delay", draft, StringComparison.Ordinal);
        Assert.Contains("REASON FOR DELAY REQUIRED", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_says_what_changed_since_the_initial_report()
    {
        var initial = DocumentSamples.Assessment(mailbox, "uk-gdpr") with
        {
            Scope = DocumentSamples.Assessment(mailbox, "uk-gdpr").Scope with { People = 2 },
            Facts = Fixtures.Facts with { MeasuresTaken = ["Password reset and sessions revoked"] },
        };

        var draft = Draft("uk-gdpr", NotificationPhase.FollowUp, 100, initial);

        Assert.Contains("# Personal data breach notification: Follow-up report", draft, StringComparison.Ordinal);
        Assert.Contains("- People affected: was 2, now 3.", draft, StringComparison.Ordinal);
        Assert.Contains("- New measure taken: Forwarding rule removed", draft, StringComparison.Ordinal);
    }
}
