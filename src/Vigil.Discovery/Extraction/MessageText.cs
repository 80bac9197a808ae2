using MimeKit;
using MimeText = MimeKit.TextPart;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// A message's text: its headers part, its bodies (text/plain, or text/html as text; of a multipart/alternative only the
/// plain version when there is one, so the same words are not counted twice), its attachments through
/// <see cref="DocumentText"/>, and forwarded messages recursively up to <see cref="ContentLimits.MaxMessageDepth"/>.
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
                Body(plain, item, at, numbers);
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, item, at, numbers);
                }

                break;
            case MessagePart forwarded:
                Forwarded(forwarded, item, at, ++numbers.Attachments);
                break;
            case MimeText text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                Body(text, item, at, numbers);
                break;
            case MimePart part:
                Attachment(part, item, at, numbers);
                break;
            default:
                break;
        }
    }

    private static bool IsPlainBody(MimeText text) => text.IsPlain && !text.IsAttachment;

    private static void Body(MimeText text, ItemText item, Nesting at, PartNumbers numbers)
    {
        var count = text.IsHtml ? ++numbers.HtmlBodies : ++numbers.PlainBodies;
        var name = at.Prefix + (text.IsHtml ? "body.html" : "body") + (count > 1 ? $"[{count}]" : string.Empty);
        if (item.NoRoomFor(name))
        {
            return;
        }

        using var bytes = PartContent.Decode(text, item.Limits.MaxPartBytes, item.CancellationToken, out var truncated);
        if (truncated)
        {
            item.Problem(name, "base64 content is truncated");
        }

        if (bytes.Overflowed)
        {
            item.Problem(name, $"part larger than {item.Limits.MaxPartBytes} bytes: only the start was read");
        }

        var decoded = TextDecoding.Decode(bytes.Span, text.ContentType.Charset);
        item.Add(name, text.IsHtml ? HtmlText.ToText(decoded) : decoded);
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

    private static void Forwarded(MessagePart part, ItemText item, Nesting at, int number)
    {
        var prefix = $"{at.Prefix}attachment[{number}]/";
        if (part.Message is null)
        {
            return;
        }

        if (at.MessageDepth >= item.Limits.MaxMessageDepth)
        {
            item.Problem(prefix, $"forwarded messages nested deeper than {item.Limits.MaxMessageDepth}: not read");
            return;
        }

        Extract(part.Message, item, at with { Prefix = prefix, MessageDepth = at.MessageDepth + 1 });
    }

    private sealed class PartNumbers
    {
        public int PlainBodies { get; set; }

        public int HtmlBodies { get; set; }

        public int Attachments { get; set; }
    }
}
