using MimeKit;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// The text of one attachment, ZIP entry or stand-alone file, by kind; what cannot be read is reported under the part's
/// name with the reason, never with its content.
/// </summary>
internal static class DocumentText
{
    public static void Extract(ItemText item, string name, string? fileName, string? mediaType, CappedBuffer bytes, Nesting at)
    {
        if (item.NoRoomFor(name))
        {
            return;
        }

        var kind = DocumentKinds.Detect(fileName, mediaType, bytes.Span);
        switch (kind)
        {
            case DocumentKind.Text:
                Text(item, name, bytes, html: false);
                break;
            case DocumentKind.Html:
                Text(item, name, bytes, html: true);
                break;
            case DocumentKind.Image:
                item.Problem(name, "image not scanned (no OCR)");
                break;
            case DocumentKind.Unsupported:
                item.Problem(name, $"unsupported format ({DocumentKinds.Describe(fileName, mediaType)}): not scanned");
                break;
            case DocumentKind.Message:
                Message(item, name, bytes, at);
                break;
            default:
                Binary(item, name, kind, bytes, at);
                break;
        }
    }

    private static void Text(ItemText item, string name, CappedBuffer bytes, bool html)
    {
        if (TextDecoding.LooksBinary(bytes.Span))
        {
            item.Problem(name, "binary content in a text file: not scanned");
            return;
        }

        if (bytes.Overflowed)
        {
            item.Problem(name, $"larger than {item.Limits.MaxPartBytes} bytes: only the start was read");
        }

        var text = TextDecoding.Decode(bytes.Span, declaredCharset: null);
        item.Add(name, html ? HtmlText.ToText(text) : text);
    }

    private static void Binary(ItemText item, string name, DocumentKind kind, CappedBuffer bytes, Nesting at)
    {
        if (bytes.Overflowed)
        {
            item.Problem(name, $"larger than {item.Limits.MaxPartBytes} bytes: not read");
            return;
        }

        using var stream = bytes.OpenRead();
        switch (kind)
        {
            case DocumentKind.Pdf:
                PdfText.Extract(item, name, stream);
                break;
            case DocumentKind.Docx:
                WordText.Extract(item, name, stream);
                break;
            case DocumentKind.Xlsx:
                SpreadsheetText.Extract(item, name, stream);
                break;
            case DocumentKind.Zip:
                ZipText.Extract(item, name, stream, at);
                break;
            default:
                item.Problem(name, "unsupported format: not scanned");
                break;
        }
    }

    private static void Message(ItemText item, string name, CappedBuffer bytes, Nesting at)
    {
        if (at.MessageDepth >= item.Limits.MaxMessageDepth)
        {
            item.Problem(name, $"forwarded messages nested deeper than {item.Limits.MaxMessageDepth}: not read");
            return;
        }

        using var stream = bytes.OpenRead();
        using var message = MimeMessage.Load(Mailboxes.Options, stream, item.CancellationToken);
        MessageText.Extract(message, item, at with { Prefix = name + "/", MessageDepth = at.MessageDepth + 1 });
    }
}
