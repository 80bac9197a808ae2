using System.Text;

namespace Vigil.Response.Documents;

/// <summary>
/// Writes letters to a folder: one DOCX or PDF per person, named by subject id (never by name, since a file name is
/// seen in listings and logs), or one mail-merge CSV. Each generation is reported once to <c>audit</c> with the
/// incident, the format, the count, the subject ids and who asked: never a name or an address.
/// </summary>
public static class LetterWriter
{
    /// <summary>Writes the letters; returns the files written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<PatientLetter> letters, LetterFormat format, string folder, string incidentReference, string requestedBy, Action<string> audit)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(audit);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        switch (format)
        {
            case LetterFormat.Csv:
                var csv = Path.Combine(folder, "mail-merge.csv");
                File.WriteAllText(csv, MailMergeCsv.Write(letters), new UTF8Encoding(false));
                files.Add(csv);
                break;
            case LetterFormat.Docx:
                foreach (var letter in letters)
                {
                    var path = Path.Combine(folder, letter.FileStem + ".docx");
                    using (var stream = File.Create(path))
                    {
                        DocxWriter.Write(stream, [Block.Parse(letter.Text)]);
                    }

                    files.Add(path);
                }

                break;
            default:
                foreach (var letter in letters)
                {
                    var path = Path.Combine(folder, letter.FileStem + ".pdf");
                    File.WriteAllBytes(path, PdfWriter.Write([Block.Parse(letter.Text)]));
                    files.Add(path);
                }

                break;
        }

        audit($"letters generated: incident {incidentReference}, format {format.ToString().ToLowerInvariant()}, {letters.Count} letters, subjects {string.Join(' ', letters.Select(static l => l.Person.SubjectId))}, by {requestedBy}");
        return files;
    }
}
