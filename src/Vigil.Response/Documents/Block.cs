namespace Vigil.Response.Documents;

/// <summary>One line of a Markdown-ish document, as the DOCX and PDF writers lay it out.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">Its text without the marker; <c>**bold**</c> markers removed.</param>
public sealed record Block(BlockKind Kind, string Text)
{
    /// <summary>Splits a text into blocks: <c>#</c> title, <c>##</c>/<c>###</c> heading, <c>-</c>/<c>*</c> bullet, blank, paragraph.</summary>
    public static IReadOnlyList<Block> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<Block>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd().Replace("**", "", StringComparison.Ordinal);
            blocks.Add(line switch
            {
                "" => new Block(BlockKind.Blank, ""),
                _ when line.StartsWith("# ", StringComparison.Ordinal) => new Block(BlockKind.Title, line[2..].Trim()),
                _ when line.StartsWith('#') => new Block(BlockKind.Heading, line.TrimStart('#').Trim()),
                _ when line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) => new Block(BlockKind.Bullet, line[2..].Trim()),
                _ => new Block(BlockKind.Paragraph, line),
            });
        }

        while (blocks.Count > 0 && blocks[^1].Kind == BlockKind.Blank)
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        return blocks;
    }
}
