using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Response.Tests.Breach;

namespace Vigil.Response.Tests.Documents;

internal static class DocumentSamples
{
    public static TextTemplate LetterTemplate() => TextTemplate.Parse(File.ReadAllText(PlantedMailbox.RepoFile("templates/letters/patient-letter.md")));

    public static TextTemplate RegulatorTemplate() => TextTemplate.Parse(File.ReadAllText(PlantedMailbox.RepoFile("templates/regulator/notification.md")));

    public static BreachAssessment Assessment(PlantedMailbox mailbox, params string[] jurisdictions) =>
        new BreachAssessmentBuilder(new FakeTimeProvider(Fixtures.Aware.AddHours(5)))
            .Build(Fixtures.Incident(jurisdictions.Length == 0 ? ["uk-gdpr", "gg-dpl"] : jurisdictions), Fixtures.Facts, mailbox.Subjects);
}
