using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Vigil.Bench.Phi;

/// <summary>
/// The synthetic mailbox and its truth, as phi-bench's bench.js reads them: each message is the text between its
/// truth start and end (headers and body, without the <c>From </c> line); entity offsets are global.
/// </summary>
internal sealed class PhiCorpus
{
    private PhiCorpus(string mbox, List<(int Start, string Text)> messages, List<GoldEntity> gold)
    {
        Mbox = mbox;
        Messages = messages;
        Gold = gold;
    }

    public string Mbox { get; }

    public IReadOnlyList<(int Start, string Text)> Messages { get; }

    public IReadOnlyList<GoldEntity> Gold { get; }

    public long Characters => Messages.Sum(static m => (long)m.Text.Length);

    /// <summary>Reads <c>corpus.mbox</c> and <c>truth.jsonl</c> (or their <c>.gz</c>) from a folder.</summary>
    public static PhiCorpus Load(string folder)
    {
        var mboxPath = Existing(folder, "corpus.mbox");
        var text = ReadAll(mboxPath);
        var messages = new List<(int, string)>();
        var gold = new List<GoldEntity>();
        foreach (var line in ReadAll(Existing(folder, "truth.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var start = root.GetProperty("start").GetInt32();
            var end = root.GetProperty("end").GetInt32();
            messages.Add((start, text[start..end]));
            foreach (var e in root.GetProperty("entities").EnumerateArray())
            {
                gold.Add(new GoldEntity(e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32()));
            }
        }

        return new PhiCorpus(mboxPath, messages, gold);
    }

    private static string Existing(string folder, string name)
    {
        var plain = Path.Combine(folder, name);
        return File.Exists(plain) ? plain : File.Exists(plain + ".gz") ? plain + ".gz" : throw new FileNotFoundException($"{plain}(.gz) not found");
    }

    private static string ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
