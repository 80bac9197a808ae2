using System.Text;

namespace Vigil.Response.Documents;

/// <summary>
/// The mail-merge CSV (RFC 4180): one row per person with subject, name, e-mail, telephone, address, categories, the
/// plain names of their exposed data and the letter's file stem. Lists are joined with <c>; </c>. Cells that start
/// with <c>= + - @</c> are prefixed with <c>'</c> so that a spreadsheet does not run them as formulas.
/// </summary>
public static class MailMergeCsv
{
    /// <summary>The CSV text.</summary>
    public static string Write(IReadOnlyList<PatientLetter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var sb = new StringBuilder("subject,name,email,phone,address,categories,exposed_data,letter\r\n");
        foreach (var l in letters)
        {
            var p = l.Person;
            string[] cells =
            [
                p.SubjectId, p.Name ?? "", p.Email ?? "", p.Phone ?? "", p.Address ?? "",
                string.Join("; ", p.Categories.Select(DataLabels.Category)),
                string.Join("; ", p.Types.Select(DataLabels.Type).Distinct()),
                l.FileStem,
            ];
            sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return sb.ToString();
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
