using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Vigil.Discovery.Extraction;

/// <summary>The <c>headers</c> part of a message, and the patient-free id suffix taken from its Message-ID.</summary>
internal static class HeaderText
{
    public static string Format(MimeMessage message)
    {
        var text = new StringBuilder(256);
        Addresses(text, "From", message.From);
        Addresses(text, "To", message.To);
        Addresses(text, "Cc", message.Cc);
        Addresses(text, "Reply-To", message.ReplyTo);
        if (!string.IsNullOrEmpty(message.Subject))
        {
            text.Append("Subject: ").Append(message.Subject).Append('\n');
        }

        // The Date header as written: it is what a reader of the mailbox sees, and parsing may have failed.
        var date = message.Headers[HeaderId.Date];
        if (!string.IsNullOrWhiteSpace(date))
        {
            text.Append("Date: ").Append(date.Trim()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the Message-ID, or null when there is none.</summary>
    public static string? MessageIdHash(MimeMessage message)
    {
        var id = message.MessageId;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    private static void Addresses(StringBuilder text, string name, InternetAddressList list)
    {
        if (list.Count == 0)
        {
            return;
        }

        text.Append(name).Append(": ");
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Address(text, list[i]);
        }

        text.Append('\n');
    }

    private static void Address(StringBuilder text, InternetAddress address)
    {
        switch (address)
        {
            case MailboxAddress mailbox when string.IsNullOrEmpty(mailbox.Name):
                text.Append(mailbox.Address);
                break;
            case MailboxAddress mailbox:
                text.Append(mailbox.Name).Append(" <").Append(mailbox.Address).Append('>');
                break;
            case GroupAddress group:
                text.Append(group.Name).Append(": ");
                for (var i = 0; i < group.Members.Count; i++)
                {
                    text.Append(i > 0 ? ", " : string.Empty);
                    Address(text, group.Members[i]);
                }

                text.Append(';');
                break;
            default:
                text.Append(address.Name);
                break;
        }
    }
}
