using MimeKit;
using MimeKit.Tnef;

namespace Vigil.Discovery.Extraction;

/// <summary>Messages inside messages: forwarded message/rfc822 parts and Outlook TNEF (winmail.dat) attachments.</summary>
internal static class EmbeddedMessages
{
    public static void Tnef(TnefPart tnef, ItemText item, Nesting at, int number)
    {
        var name = $"{at.Prefix}attachment[{number}]:{tnef.FileName ?? "winmail.dat"}";
        if (tnef.Content?.Stream is { } raw && raw.Length > item.Limits.MaxPartBytes * 4 / 3)
        {
            item.Problem(name, $"larger than {item.Limits.MaxPartBytes} bytes: not read");
            return;
        }

        MimeMessage converted;
        try
        {
            converted = tnef.ConvertToMessage();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // MimeKit's TNEF reader throws on corrupt input (TnefException, format and IO errors).
            item.Problem(name, $"malformed TNEF ({e.GetType().Name}): not read");
            return;
        }

        using (converted)
        {
            MessageText.Extract(converted, item, at with { Prefix = name + "/" });
        }
    }

    public static void Forwarded(MessagePart part, ItemText item, Nesting at, int number)
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

        MessageText.Extract(part.Message, item, at with { Prefix = prefix, MessageDepth = at.MessageDepth + 1 });
    }
}
