using System.Text.Unicode;

namespace Vigil.Ingestion.Csv;

/// <summary>Decides whether a first line looks like a CSV header, for files whose name does not say so.</summary>
/// <remarks>
/// At least two cells, each a short name (1 to 128 characters, at least one letter, none of the characters that mark
/// log text rather than a column name, such as <c>:</c> or <c>=</c>). A syslog or key=value line fails; a header
/// written by Export-Csv, EvtxECmd or a SIEM export passes.
/// </remarks>
internal static class CsvHeader
{
    private const int MaxNameLength = 128;

    /// <summary>Whether <paramref name="line"/> (without its line break) reads as a header row.</summary>
    public static bool LooksLikeHeader(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        var cells = new CsvRecord();
        if (!Utf8.IsValid(line) || !cells.TrySplit(line, out _) || cells.Count < 2)
        {
            return false;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (!IsName(cells.Text(line, i).AsSpan().Trim()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxNameLength || name.IndexOfAny(":;={}<>|\\\"") >= 0)
        {
            return false;
        }

        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }
}
