using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Response.Tests.Breach;

namespace Vigil.Response.Tests.Documents;

public sealed class LetterTests(PlantedMailbox mailbox) : IClassFixture<PlantedMailbox>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-letters-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _audit = [];

    private IReadOnlyList<string> Generate(LetterFormat format)
    {
        var (letters, problems) = Letters.Render(DocumentSamples.LetterTemplate(), DocumentSamples.Assessment(mailbox), BreachScoping.People(mailbox.Subjects), Fixtures.Aware.AddDays(1));
        Assert.Empty(problems);
        return LetterWriter.Write(letters, format, _folder, "INC-2026-0001", "dpo", _audit.Add);
    }

    private static PlantedPatient Owner(string text) => Assert.Single(PlantedMailbox.Patients, p => text.Contains(p.Name, StringComparison.Ordinal));

    private static void AssertOnlyTheirs(string text)
    {
        var owner = Owner(text);
        Assert.Contains("your NHS number", text, StringComparison.Ordinal);
        Assert.Contains("your date of birth", text, StringComparison.Ordinal);
        Assert.Contains("your e-mail address", text, StringComparison.Ordinal);
        Assert.Contains("information about your health conditions or diagnoses", text, StringComparison.Ordinal);
        Assert.Contains("recognise", text.Replace("Be wary", "recognise", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var other in PlantedMailbox.Patients.Where(p => p != owner))
        {
            foreach (var value in PlantedMailbox.Identifiers(other))
            {
                Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Even their own identifiers are named, never quoted: the letter may go astray.
        Assert.DoesNotContain(owner.Nhs, text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Dob, text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Condition, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void One_docx_per_patient_holds_that_patients_name_and_categories_and_nobody_elses_data()
    {
        var files = Generate(LetterFormat.Docx);

        Assert.Equal(3, files.Count);
        var owners = new List<PlantedPatient>();
        foreach (var file in files)
        {
            using var doc = WordprocessingDocument.Open(file, false);
            var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(static p => p.InnerText));
            AssertOnlyTheirs(text);
            owners.Add(Owner(text));
            Assert.DoesNotContain(Owner(text).Name, Path.GetFileName(file), StringComparison.Ordinal);
        }

        Assert.Equal(PlantedMailbox.Patients.Select(static p => p.Name).Order(), owners.Select(static p => p.Name).Order());
    }

    [Fact]
    public void One_pdf_per_patient_holds_that_patients_name_and_categories_and_nobody_elses_data()
    {
        var files = Generate(LetterFormat.Pdf);

        Assert.Equal(3, files.Count);
        var owners = new List<PlantedPatient>();
        foreach (var file in files)
        {
            using var pdf = PdfDocument.Open(file);
            var text = string.Join("\n", pdf.GetPages().SelectMany(static p => p.GetWords()).Select(static w => w.Text));
            var joined = string.Join(" ", pdf.GetPages().SelectMany(static p => p.GetWords()).Select(static w => w.Text));
            AssertOnlyTheirs(joined);
            owners.Add(Owner(joined));
            Assert.True(text.Length > 500);
        }

        Assert.Equal(PlantedMailbox.Patients.Select(static p => p.Name).Order(), owners.Select(static p => p.Name).Order());
    }

    [Fact]
    public void The_mail_merge_csv_has_one_row_per_patient_with_their_contact_and_categories()
    {
        var file = Assert.Single(Generate(LetterFormat.Csv));
        var rows = File.ReadAllText(file).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("subject,name,email,phone,address,categories,exposed_data,letter", rows[0]);
        Assert.Equal(4, rows.Length);
        foreach (var patient in PlantedMailbox.Patients)
        {
            var row = Assert.Single(rows, r => r.Contains(patient.Name, StringComparison.Ordinal));
            Assert.Contains($",{patient.Email},", row, StringComparison.Ordinal);
            Assert.Contains("identity; contact; health", row, StringComparison.Ordinal);
            Assert.Contains("NHS number", row, StringComparison.Ordinal);
            Assert.DoesNotContain(patient.Nhs, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_generation_is_audited_once_with_ids_and_never_a_name()
    {
        Generate(LetterFormat.Docx);
        Generate(LetterFormat.Csv);

        Assert.Equal(2, _audit.Count);
        Assert.StartsWith("letters generated: incident INC-2026-0001, format docx, 3 letters, subjects S", _audit[0], StringComparison.Ordinal);
        Assert.EndsWith(", by dpo", _audit[1], StringComparison.Ordinal);
        Assert.All(_audit, static a => Assert.DoesNotContain(PlantedMailbox.Patients, p => a.Contains(p.Name, StringComparison.Ordinal) || a.Contains(p.Email, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_paragraph_wraps_across_lines_and_pages_in_the_pdf()
    {
        var words = string.Join(' ', Enumerable.Range(0, 900).Select(static i => $"word{i}"));

        using var pdf = PdfDocument.Open(PdfWriter.Write([Block.Parse("# Title\n" + words)]));

        Assert.True(pdf.NumberOfPages > 1);
        Assert.Equal(901, pdf.GetPages().SelectMany(static p => p.GetWords()).Count());
        Assert.All(pdf.GetPages().SelectMany(static p => p.Letters), static l => Assert.InRange(l.EndBaseLine.X, 0, 595 - 56));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
