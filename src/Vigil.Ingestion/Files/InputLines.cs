using Vigil.Diagnostics;

namespace Vigil.Ingestion.Files;

/// <summary>
/// Splits an input into lines for the line-oriented readers (NDJSON, plain text), numbering them and skipping blank
/// and over-long ones.
/// </summary>
/// <remarks>
/// Lines end at LF; a CR before it stays in the line (readers treat it as whitespace or drop it). A line holding only
/// spaces, tabs and CRs is blank and skipped. A line longer than <see cref="MaxLineBytes"/> is reported as
/// <c>line-too-long</c> and dropped as it streams past, never held whole, so memory stays bounded. When the input ends
/// by a failure (truncated or corrupt gzip, I/O error) that is reported at the line after the last one read. Problems
/// name the line, never its content.
/// </remarks>
internal sealed class InputLines(InputBuffer input, string source, IProblemSink problems)
{
    /// <summary>The longest line read, in bytes (without its line break).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private int _advance;
    private int _scanned;
    private bool _skipping;

    /// <summary>The 1-based number of the current line.</summary>
    public long Number { get; private set; }

    /// <summary>The length of the current line, which is at the front of the input's data; -1 when there is none.</summary>
    public int Length { get; private set; } = -1;

    /// <summary>The bytes of the current line, without its LF.</summary>
    public ReadOnlySpan<byte> Current => input.Data[..Length];

    /// <summary>Drops the current line and finds the next non-blank one; false at the end of the input.</summary>
    public bool MoveNext()
    {
        if (Length >= 0)
        {
            input.Advance(_advance);
            Length = -1;
        }

        while (true)
        {
            var data = input.Data;
            var newline = data[_scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += _scanned;
                _scanned = 0;
                if (_skipping)
                {
                    _skipping = false;
                    input.Advance(newline + 1);
                }
                else if (Take(data[..newline], newline + 1))
                {
                    return true;
                }

                continue;
            }

            if (!_skipping && data.Length > MaxLineBytes)
            {
                Number++;
                ReportTooLong();
                _skipping = true;
            }

            if (_skipping)
            {
                input.Advance(data.Length);
                _scanned = 0;
            }
            else
            {
                _scanned = data.Length;
            }

            if (!input.Fill())
            {
                if (input.FailureKind is { } kind)
                {
                    Report(kind, input.FailureReason, Number + 1);
                    return false;
                }

                // The last line may lack its line break.
                _scanned = 0;
                data = input.Data;
                return !_skipping && data.Length > 0 && Take(data, data.Length);
            }
        }
    }

    /// <summary>Reports a problem at the current line.</summary>
    public void Report(string kind, string reason) => Report(kind, reason, Number);

    private bool Take(ReadOnlySpan<byte> line, int advance)
    {
        Number++;
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            input.Advance(advance);
            return false;
        }

        if (line.Length > MaxLineBytes)
        {
            ReportTooLong();
            input.Advance(advance);
            return false;
        }

        Length = line.Length;
        _advance = advance;
        return true;
    }

    private void ReportTooLong() =>
        Report(ProblemKinds.LineTooLong, $"the line is longer than {MaxLineBytes / 1024} KiB; it was skipped");

    private void Report(string kind, string reason, long line) =>
        problems.Report(new InputProblem(source, $"line {line}", kind, reason));
}
