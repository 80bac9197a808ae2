using MimeKit;
using MimeKit.Tnef;
using MimeText = MimeKit.TextPart;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// A message's text: its headers part, its bodies (text/plain, or text/html as text), its attachments through
/// <see cref="DocumentText"/>, Outlook's TNEF (winmail.dat) contents, and forwarded messages recursively up to
/// <see cref="ContentLimits.MaxMessageDepth"/>. Of a multipart/alternative the plain version is read, so the same words
/// are not found twice, unless the HTML version says clearly more (a stub plain part), when both are read.
/// </summary>
internal static class MessageText
{
    public static void Extract(MimeMessage message, ItemText item, Nesting at)
    {
        item.Add(at.Prefix + "headers", HeaderText.Format(message));
        if (message.Body is not null)
        {
            Walk(message.Body, item, at, new PartNumbers());
        }
    }

    private static void Walk(MimeEntity entity, ItemText item, Nesting at, PartNumbers numbers)
    {
        item.CancellationToken.ThrowIfCancellationRequested();
        switch (entity)
        {
            case MultipartAlternative alternative when alternative.OfType<MimeText>().FirstOrDefault(IsPlainBody) is { } plain:
                Alternative(alternative, plain, item, at, numbers);
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, item, at, numbers);
                }

                break;
            case MessagePart forwarded:
                EmbeddedMessages.Forwarded(forwarded, item, at, ++numbers.Attachments);
                break;
            case MimeText text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                Body(text, item, at, numbers);
                break;
            case TnefPart tnef:
                EmbeddedMessages.Tnef(tnef, item, at, ++numbers.Attachments);
                break;
            case MimePart part:
                Attachment(part, item, at, numbers);
                break;
            default:
                break;
        }
    }

    private static bool IsPlainBody(MimeText text) => text.IsPlain && !text.IsAttachment;

    private static void Alternative(MultipartAlternative alternative, MimeText plain, ItemText item, Nesting at, PartNumbers numbers)
    {
        var plainText = Body(plain, item, at, numbers);
        if (alternative.OfType<MimeText>().FirstOrDefault(t => t.IsHtml && !t.IsAttachment) is not { } html
            || item.NoRoomFor(at.Prefix + "body.html"))
        {
            return;
        }

        var htmlText = HtmlText.ToText(Decode(html, at.Prefix + "body.html", item));
        if (htmlText.Length > (plainText.Length * 1.2) + 50)
        {
            item.Add(at.Prefix + "body.html" + (++numbers.HtmlBodies > 1 ? $"[{numbers.HtmlBodies}]" : string.Empty), htmlText);
        }
    }

    private static string Body(MimeText text, ItemText item, Nesting at, PartNumbers numbers)
    {
        var count = text.IsHtml ? ++numbers.HtmlBodies : ++numbers.PlainBodies;
        var name = at.Prefix + (text.IsHtml ? "body.html" : "body") + (count > 1 ? $"[{count}]" : string.Empty);
        if (item.NoRoomFor(name))
        {
            return string.Empty;
        }

        var decoded = Decode(text, name, item);
        var result = text.IsHtml ? HtmlText.ToText(decoded) : decoded;
        item.Add(name, result);
        return result;
    }

    private static string Decode(MimeText text, string name, ItemText item)
    {
        using var bytes = PartContent.Decode(text, item.Limits.MaxPartBytes, item.CancellationToken, out var truncated);
        if (truncated)
        {
            item.Problem(name, "base64 content is truncated");
        }

        if (bytes.Overflowed)
        {
            item.Problem(name, $"part larger than {item.Limits.MaxPartBytes} bytes: only the start was read");
        }

        return TextDecoding.Decode(bytes.Span, text.ContentType.Charset);
    }

    private static void Attachment(MimePart part, ItemText item, Nesting at, PartNumbers numbers)
    {
        var fileName = part.FileName;
        var number = ++numbers.Attachments;
        var name = $"{at.Prefix}attachment[{number}]" + (string.IsNullOrEmpty(fileName) ? string.Empty : ":" + fileName);
        var mediaType = part.ContentType.MimeType;
        if (part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase))
        {
            // Inline images (logos, signatures) are routine; attached ones may be scanned letters worth knowing about.
            if (part.IsAttachment)
            {
                item.Problem(name, "image not scanned (no OCR)");
            }

            return;
        }

        using var bytes = PartContent.Decode(part, item.Limits.MaxPartBytes, item.CancellationToken, out var truncated);
        if (truncated)
        {
            item.Problem(name, "base64 content is truncated");
        }

        DocumentText.Extract(item, name, fileName, mediaType, bytes, at);
    }

    private sealed class PartNumbers
    {
        public int PlainBodies { get; set; }

        public int HtmlBodies { get; set; }

        public int Attachments { get; set; }
    }
}
