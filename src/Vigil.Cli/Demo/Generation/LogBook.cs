using System.Text;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// Collects the generated lines of every log file, then writes each file in time order behind its header and keeps
/// the ground truth: which line of which file belongs to which attack stage.
/// </summary>
internal sealed class LogBook
{
    private readonly Dictionary<string, FileLines> _files = new(StringComparer.Ordinal);

    /// <summary>Adds one record (one line) to the file <paramref name="relativePath"/>.</summary>
    /// <param name="relativePath">Path below the output folder, with '/' separators.</param>
    /// <param name="header">The file's header lines (W3C directives), or empty; taken from the first record added.</param>
    /// <param name="time">The record's event time, which orders the file.</param>
    /// <param name="line">The record, without line end.</param>
    /// <param name="stage">What the record is.</param>
    public void Add(string relativePath, Func<string> header, DateTime time, string line, AttackStage stage = AttackStage.Benign)
    {
        if (!_files.TryGetValue(relativePath, out var file))
        {
            file = new FileLines(header());
            _files.Add(relativePath, file);
        }

        file.Lines.Add(new Entry(time, file.Lines.Count, line, stage));
    }

    public int Count => _files.Values.Sum(static f => f.Lines.Count);

    /// <summary>Writes every file under <paramref name="folder"/> (sorted by time, stable) and returns the ground truth.</summary>
    public GeneratedLogs Write(string folder)
    {
        var truth = new Dictionary<(string File, long Record), AttackStage>();
        var files = new List<string>();
        var firsts = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (relative, file) in _files.OrderBy(static f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            file.Lines.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
            using var writer = new StreamWriter(path, append: false, utf8);
            writer.NewLine = file.Header.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            long line = 0;
            foreach (var h in file.Header.Split(writer.NewLine, StringSplitOptions.RemoveEmptyEntries))
            {
                writer.WriteLine(h);
                line++;
            }

            foreach (var entry in file.Lines)
            {
                line++;
                writer.WriteLine(entry.Line);
                if (entry.Stage != AttackStage.Benign)
                {
                    truth[(path, line)] = entry.Stage;
                }
            }

            files.Add(path);
            firsts[path] = file.Lines.Count > 0 ? file.Lines[0].Time : DateTime.MinValue;
        }

        return new GeneratedLogs(files, truth, Count, firsts);
    }

    private sealed record FileLines(string Header)
    {
        public List<Entry> Lines { get; } = [];
    }

    private readonly record struct Entry(DateTime Time, int Order, string Line, AttackStage Stage);
}
