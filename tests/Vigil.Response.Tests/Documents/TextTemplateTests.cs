using Vigil.Response.Documents;

namespace Vigil.Response.Tests.Documents;

public sealed class TextTemplateTests
{
    private static readonly TemplateValues Values = new TemplateValues()
        .Text("name", "Ann").List("items", ["one", "two"]).Flag("health", true).Flag("contact", false);

    [Theory]
    [InlineData("Dear {{name}},", "Dear Ann,\n")]
    [InlineData("{{items}}", "- one\n- two\n")]
    [InlineData("Data: {{items}}.", "Data: one, two.\n")]
    [InlineData("{{#if health}}\nH\n{{/if}}\n{{#if contact}}\nC\n{{/if}}\nend", "H\nend\n")]
    [InlineData("{{#unless contact}}\n{{#if health}}\nboth\n{{/if}}\n{{/unless}}", "both\n")]
    public void Fields_lists_and_conditions_fill_in(string template, string expected)
    {
        var result = TextTemplate.Parse(template).Render(Values);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("Hello {{nmae}}", "line 1: unknown field 'nmae'")]
    [InlineData("{{#if healht}}\nx\n{{/if}}", "line 1: unknown condition 'healht'")]
    [InlineData("{{#if health}}\nx", "end of template: 1 block(s) not closed")]
    [InlineData("x\n{{/if}}", "line 2: {{/if}} without an opening block")]
    public void Template_mistakes_are_reported_with_their_line(string template, string problem)
    {
        Assert.Equal([problem], TextTemplate.Parse(template).Render(Values).Problems);
    }

    [Fact]
    public void The_shipped_templates_use_only_known_fields()
    {
        var fixture = new Breach.PlantedMailbox();
        using (fixture)
        {
            var assessment = DocumentSamples.Assessment(fixture);
            var person = Vigil.Response.Breach.BreachScoping.People(fixture.Subjects)[0];
            var letter = DocumentSamples.LetterTemplate().Render(Letters.Values(assessment, person, Breach.Fixtures.Aware));
            var draft = RegulatorDraft.Render(DocumentSamples.RegulatorTemplate(), assessment, "uk-gdpr", NotificationPhase.FollowUp, null, Breach.Fixtures.Aware.AddDays(5));

            Assert.True(letter.Ok, string.Join("; ", letter.Problems));
            Assert.True(draft.Ok, string.Join("; ", draft.Problems));
        }
    }
}
