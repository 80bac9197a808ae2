using Microsoft.Extensions.Time.Testing;
using Vigil.Discovery.Recognition;
using Vigil.Response.Breach;

namespace Vigil.Response.Tests.Breach;

public sealed class MailboxAssessmentTests(PlantedMailbox mailbox) : IClassFixture<PlantedMailbox>
{
    private BreachAssessment Assess(params string[] jurisdictions) =>
        new BreachAssessmentBuilder(new FakeTimeProvider(Fixtures.Aware.AddHours(5))).Build(Fixtures.Incident(jurisdictions), Fixtures.Facts, mailbox.Subjects);

    [Fact]
    public void Three_patients_in_four_messages_are_counted_and_the_staff_member_is_not()
    {
        var scope = Assess("gg-dpl").Scope;

        Assert.Equal(3, scope.People);
        Assert.Equal(4, scope.Records);
        Assert.Equal(3, scope.PeopleWithHealth);
        Assert.Equal(3, scope.PeopleWithContact);
        Assert.Equal(3, scope.PeopleWithIdentity);
        Assert.Equal(3, scope.PeopleByType[PhiTypes.UkNhs]);
        Assert.True(scope.CorrespondentsExcluded >= 1);
        Assert.Equal(["identity", "contact", "health"], scope.Categories);
    }

    [Fact]
    public void Each_affected_person_is_one_planted_patient_with_their_own_email()
    {
        var people = BreachScoping.People(mailbox.Subjects);

        Assert.Equal(PlantedMailbox.Patients.Select(static p => p.Email).Order(), people.Select(static p => p.Email!).Order());
        Assert.DoesNotContain(people, static p => p.Name == PlantedMailbox.StaffName);
        Assert.All(people, static p => Assert.Equal([PhiCategory.Identity, PhiCategory.Contact, PhiCategory.Health], p.Categories));
    }

    [Fact]
    public void Health_data_exposed_to_an_attacker_is_a_high_risk_that_the_regulator_and_the_people_are_told_of()
    {
        var assessment = Assess("uk-gdpr", "gg-dpl");

        Assert.True(assessment.PersonalDataInvolved);
        Assert.True(assessment.SpecialCategory);
        Assert.Equal(Likelihood.HighlyLikely, assessment.Risk.Likelihood);
        Assert.Equal(Severity.Serious, assessment.Risk.Severity);
        Assert.Equal(RiskLevel.High, assessment.Risk.Level);
        Assert.All(assessment.Rulings, static r => Assert.True(r.RegulatorRequired && r.IndividualsRequired));
        Assert.All(assessment.Rulings, static r => Assert.Equal(Fixtures.Aware.AddHours(72), r.RegulatorDeadline));
        Assert.Equal(["ICO", "ODPA"], assessment.Rulings.Select(static r => r.Authority));
    }

    [Fact]
    public void The_assessment_and_the_subjects_survive_their_sealed_json()
    {
        var assessment = Assess("uk-gdpr").Decide(true, true, "High risk: health data", "dpo", Fixtures.Aware.AddHours(6));

        var back = BreachJson.ReadAssessment(BreachJson.Write(assessment));
        var subjects = BreachJson.ReadSubjects(BreachJson.Write(mailbox.Subjects));

        Assert.NotNull(back);
        Assert.Equal(assessment.Scope.People, back.Scope.People);
        Assert.Equal(assessment.Scope.PeopleByType, back.Scope.PeopleByType);
        Assert.Equal(assessment.RegulatorDecision, back.RegulatorDecision);
        Assert.Equal(assessment.Rulings[0].Basis, back.Rulings[0].Basis);
        Assert.Equal(BreachScoping.People(mailbox.Subjects), BreachScoping.People(subjects!), new PersonComparer());
        Assert.Null(BreachJson.ReadAssessment("not json"u8));
    }

    private sealed class PersonComparer : IEqualityComparer<AffectedPerson>
    {
        public bool Equals(AffectedPerson? x, AffectedPerson? y) =>
            x!.SubjectId == y!.SubjectId && x.Name == y.Name && x.Email == y.Email && x.Types.SequenceEqual(y.Types) && x.Categories.SequenceEqual(y.Categories);

        public int GetHashCode(AffectedPerson obj) => obj.SubjectId.GetHashCode(StringComparison.Ordinal);
    }
}
