using System.IO.Compression;
using System.Text;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;

namespace Vigil.Web.Responding;

/// <summary>The documents: regulator drafts by phase, letters (patient details: generated in memory on request, never stored), the register.</summary>
internal sealed partial class BreachWork
{
    private readonly TemplateFiles _templates = new();

    /// <summary>A generated file.</summary>
    public sealed record Download(byte[] Content, string ContentType, string FileName);

    /// <summary>The regulator draft's text for a phase and jurisdiction (default: the incident's first), or why not. The initial draft keeps a copy of its assessment for the follow-ups.</summary>
    public async Task<(string? Text, string? Error)> DraftAsync(Incident incident, NotificationPhase phase, string? jurisdiction, string actor, CancellationToken ct)
    {
        if (await AssessmentAsync(incident.Id, actor, ct).ConfigureAwait(false) is not { } assessment)
        {
            return (null, $"{incident.Reference}: not assessed yet");
        }

        var which = jurisdiction ?? incident.Jurisdictions.FirstOrDefault() ?? "uk-gdpr";
        if (Response.Deadlines.Jurisdictions.Find(which) is null)
        {
            return (null, "jurisdiction: not one Vigil knows");
        }

        var initial = phase == NotificationPhase.Initial ? null : await BreachDocuments.ReadAsync(store.Incidents, incident.Id, actor, ct, BreachJson.InitialReportKind).ConfigureAwait(false);
        var template = await _templates.ReadAsync(Template("regulator", "notification.md"), ct).ConfigureAwait(false);
        var result = RegulatorDraft.Render(TextTemplate.Parse(template), assessment, which, phase, initial, time.GetUtcNow());
        if (!result.Ok)
        {
            return (null, $"the regulator template: {string.Join("; ", result.Problems)}");
        }

        if (phase == NotificationPhase.Initial)
        {
            await BreachDocuments.WriteAsync(store.Incidents, incident.Id, assessment, actor, ct, BreachJson.InitialReportKind).ConfigureAwait(false);
        }

        return (result.Text, null);
    }

    /// <summary>The draft as a file: <c>md</c>, <c>docx</c> or <c>pdf</c>.</summary>
    public static Download DraftFile(Incident incident, NotificationPhase phase, string text, string format)
    {
        var stem = $"{incident.Reference}-regulator-{PhaseName(phase)}";
        switch (format)
        {
            case "docx":
                using (var docx = new MemoryStream())
                {
                    DocxWriter.Write(docx, [Block.Parse(text)]);
                    return new Download(docx.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", stem + ".docx");
                }

            case "pdf":
                return new Download(PdfWriter.Write([Block.Parse(text)]), "application/pdf", stem + ".pdf");
            default:
                return new Download(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", stem + ".md");
        }
    }

    /// <summary>
    /// The letters as one download: a ZIP of one DOCX or PDF per person (named by subject id, never by name), or the
    /// mail-merge CSV; with the number of letters, or why not.
    /// </summary>
    public async Task<(Download? File, int Count, string? Error)> LettersAsync(Incident incident, LetterFormat format, string actor, CancellationToken ct)
    {
        var template = await _templates.ReadAsync(Template("letters", "patient-letter.md"), ct).ConfigureAwait(false);
        var (letters, error) = await BreachDocuments.LettersAsync(store.Incidents, incident, template, actor, time.GetUtcNow(), ct).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, 0, error);
        }

        await store.Incidents.AddTimelineEntryAsync(incident.Id, time.GetUtcNow(), "notify", $"Letters generated ({format.ToString().ToLowerInvariant()}, {letters.Count}) by {actor}", actor, ct).ConfigureAwait(false);
        var stem = $"{incident.Reference}-letters";
        if (format == LetterFormat.Csv)
        {
            return (new Download(new UTF8Encoding(false).GetBytes(MailMergeCsv.Write(letters)), "text/csv; charset=utf-8", stem + ".csv"), letters.Count, null);
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var letter in letters)
            {
                var entry = archive.CreateEntry(letter.FileStem + (format == LetterFormat.Docx ? ".docx" : ".pdf"), CompressionLevel.Fastest);
                using var stream = entry.Open();
                if (format == LetterFormat.Docx)
                {
                    using var docx = new MemoryStream();
                    DocxWriter.Write(docx, [Block.Parse(letter.Text)]);
                    stream.Write(docx.GetBuffer().AsSpan(0, (int)docx.Length));
                }
                else
                {
                    stream.Write(PdfWriter.Write([Block.Parse(letter.Text)]));
                }
            }
        }

        return (new Download(zip.ToArray(), "application/zip", $"{stem}-{format.ToString().ToLowerInvariant()}.zip"), letters.Count, null);
    }

    /// <summary>Every incident's register entry, oldest first (assessments unsealed under <paramref name="actor"/>).</summary>
    public async Task<IReadOnlyList<BreachRegisterEntry>> RegisterAsync(string actor, CancellationToken ct)
    {
        var sent = (await store.BreachNotifications.ListAsync(null, ct).ConfigureAwait(false)).ToLookup(static r => r.IncidentId);
        var entries = new List<BreachRegisterEntry>();
        foreach (var incident in (await store.Incidents.ListAsync(new IncidentQuery(Limit: 100_000), ct).ConfigureAwait(false)).OrderBy(static i => i.OpenedAt))
        {
            var assessment = await AssessmentAsync(incident.Id, actor, ct).ConfigureAwait(false);
            entries.Add(BreachRegister.Entry(incident, assessment, [.. sent[incident.Id]]));
        }

        return entries;
    }

    public static string PhaseName(NotificationPhase phase) => phase switch
    {
        NotificationPhase.FollowUp => NotificationPhases.FollowUp,
        NotificationPhase.Final => NotificationPhases.Final,
        _ => NotificationPhases.Initial,
    };

    public static NotificationPhase? ParsePhase(string? text) => text switch
    {
        null or "" or NotificationPhases.Initial => NotificationPhase.Initial,
        NotificationPhases.FollowUp => NotificationPhase.FollowUp,
        NotificationPhases.Final => NotificationPhase.Final,
        _ => null,
    };

    private string Template(string folder, string file)
        => Path.Combine(options.Breach.Templates ?? Path.Combine(AppContext.BaseDirectory, "templates"), folder, file);
}
