using System.Text;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Subjects;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>New breach facts re-run the assessment over the subjects already scoped, sealed like the rest, on both databases.</summary>
public abstract class BreachFactsStoreTests : IncidentTestBase
{
    private const string Description = "Reception mailbox password guessed; messages forwarded to a look-alike domain.";

    private static readonly DataSubject[] Subjects =
    [
        new("S1", false, "Archibald Pemberton", [], [PhiCategory.Identity, PhiCategory.Contact], new Dictionary<string, int> { ["person-name"] = 1, ["phone"] = 1 }, [], ["item-1"]),
        new("S2", true, "Reception", [], [PhiCategory.Contact], new Dictionary<string, int> { ["email"] = 1 }, [], ["item-1"]),
    ];

    [Fact]
    public async Task Phishing_facts_raise_the_risk_and_make_telling_the_people_required_and_the_change_is_sealed_and_on_the_timeline()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        Assert.Null(await BreachDocuments.ReassessAsync(Store.Incidents, incident, new BreachFacts(), "user:dpo", Database.Time, None));

        var encrypted = await BreachDocuments.AssessAsync(Store.Incidents, incident, Subjects, new BreachFacts { Encrypted = true }, "user:dpo", Database.Time, None);
        var decided = await BreachDocuments.DecideAsync(Store.Incidents, incident, false, false, "encrypted", "user:dpo", Database.Time, None);
        Database.Time.Advance(TimeSpan.FromMinutes(5));
        var phished = await BreachDocuments.ReassessAsync(Store.Incidents, incident, new BreachFacts { PhishingObserved = true, Description = Description }, "user:dpo", Database.Time, None);

        Assert.Equal((RiskLevel.Risk, false), (encrypted.Risk.Level, encrypted.IndividualsRequired));
        Assert.NotNull(decided?.RegulatorDecision);
        Assert.NotNull(phished);
        Assert.Equal((Likelihood.Occurred, Severity.Serious, RiskLevel.High, true), (phished.Risk.Likelihood, phished.Risk.Severity, phished.Risk.Level, phished.IndividualsRequired));
        Assert.Equal((1, 1), (phished.Scope.People, phished.Scope.PeopleWithContact));
        Assert.Null(phished.RegulatorDecision);
        var stored = await BreachDocuments.ReadAsync(Store.Incidents, incident.Id, "user:dpo", None);
        Assert.Equal((Description, true, RiskLevel.High), (stored!.Facts.Description, stored.Facts.PhishingObserved, stored.Risk.Level));

        var timeline = await Store.Incidents.ListTimelineAsync(incident.Id, None);
        Assert.Contains(timeline, static t => t.Text == "Breach facts changed and the breach assessed again by user:dpo: 1 people, 1 records, health data of 0; risk High");
        Assert.All(timeline, static t => Assert.DoesNotContain("look-alike", t.Text, StringComparison.Ordinal));
        var content = (byte[])(await Database.ScalarAsync($"SELECT content FROM sealed_documents WHERE incident_id = {incident.Id} AND kind = '{BreachJson.AssessmentKind}'"))!;
        Assert.DoesNotContain("look-alike", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
    }
}
