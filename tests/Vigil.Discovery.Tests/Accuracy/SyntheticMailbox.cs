using System.Text.Json;

namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>The synthetic UK/CI mailbox and its truth, loaded once (10 MB).</summary>
internal sealed class SyntheticMailbox
{
    private static readonly Lazy<SyntheticMailbox> Shared = new(() => new SyntheticMailbox());

    private SyntheticMailbox()
    {
        Text = PhiData.ReadGzipText("synthetic-mailbox/corpus.mbox.gz");
        foreach (var line in PhiData.ReadGzipLines("synthetic-mailbox/truth.jsonl.gz"))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var index = Messages.Count;
            var start = root.GetProperty("start").GetInt32();
            Messages.Add((start, root.GetProperty("end").GetInt32()));
            foreach (var e in root.GetProperty("entities").EnumerateArray())
            {
                Gold.Add(new LabelledSpan(
                    e.GetProperty("type").GetString()!, index, e.GetProperty("start").GetInt32() - start, e.GetProperty("end").GetInt32() - start));
            }
        }
    }

    public static SyntheticMailbox Instance => Shared.Value;

    public string Text { get; }

    /// <summary>Each message's [start, end) in <see cref="Text"/>.</summary>
    public List<(int Start, int End)> Messages { get; } = [];

    /// <summary>Gold spans with offsets relative to their message.</summary>
    public List<LabelledSpan> Gold { get; } = [];

    public string[] MessageTexts() => [.. Messages.Select(m => Text[m.Start..m.End])];
}
