using MimeKit;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// Messages from EML and mbox files, streamed message by message with MimeKit's parser in persistent mode: part
/// contents stay in the (seekable) file and are decoded one part at a time, so memory is bounded by one message's
/// structure, not by its attachments or the mailbox.
/// </summary>
internal static class Mailboxes
{
    public static ParserOptions Options { get; } = new() { MaxMimeDepth = 32 };

    public static IEnumerable<ScanItem> ReadMbox(Stream seekable, string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        var parser = new MimeParser(Options, seekable, MimeFormat.Mbox, persistent: true);
        var number = 0;
        while (!parser.IsEndOfStream)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = parser.Position;
            var message = Parse(parser, cancellationToken);
            if (message is null)
            {
                report(new ScanProblem($"{path}#{number + 1}", null, "not an mbox message (no From line or broken headers): skipped"));
                if (parser.Position <= before)
                {
                    yield break;
                }

                continue;
            }

            number++;
            using (message)
            {
                yield return Item(message, $"{path}#{number}", path, limits, report, cancellationToken);
            }
        }
    }

    public static ScanItem? ReadEml(Stream seekable, string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        var parser = new MimeParser(Options, seekable, MimeFormat.Entity, persistent: true);
        using var message = Parse(parser, cancellationToken);
        if (message is null)
        {
            report(new ScanProblem(path, null, "not a message (broken headers): skipped"));
            return null;
        }

        return Item(message, path, path, limits, report, cancellationToken);
    }

    /// <summary>The item for one message; a failure part-way keeps the parts read so far and is reported.</summary>
    public static ScanItem Item(MimeMessage message, string baseId, string location, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        var hash = HeaderText.MessageIdHash(message);
        var id = hash is null ? baseId : $"{baseId} mid={hash}";
        var item = new ItemText(id, limits, report, cancellationToken);
        try
        {
            MessageText.Extract(message, item, Nesting.Top);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // MimeKit and the document libraries are lenient, but a hostile message must never stop the mailbox.
            item.Problem(null, $"message could not be read completely ({e.GetType().Name})");
        }

        return new ScanItem(id, ScanItemKind.Message, location, item.Parts);
    }

    private static MimeMessage? Parse(MimeParser parser, CancellationToken cancellationToken)
    {
        try
        {
            return parser.ParseMessage(cancellationToken);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
