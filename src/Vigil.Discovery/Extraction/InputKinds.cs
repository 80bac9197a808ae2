namespace Vigil.Discovery.Extraction;

/// <summary>Tells an input file's kind from its extension, its place in a Maildir and its first bytes.</summary>
internal static class InputKinds
{
    private static readonly string[] MaildirFolders = ["cur", "new", "tmp"];

    public static InputKind Classify(string path, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".mbox" or ".mbx" or ".mbs":
                return InputKind.Mbox;
            case ".eml" or ".msg" when head.StartsWith("From "u8):
                // An "EML" saved with its mbox From line is a one-message mbox.
                return InputKind.Mbox;
            case ".eml" or ".msg" when LooksLikeHeaders(head):
                return InputKind.Eml;
            case ".eml":
                return InputKind.Eml;
            case ".pst" or ".ost":
                return InputKind.Pst;
            case ".gz":
                return InputKind.GzipMbox;
            case ".zip":
                return InputKind.Zip;
            default:
                break;
        }

        if (head.StartsWith("From "u8))
        {
            return InputKind.Mbox;
        }

        if (head.StartsWith("!BDN"u8))
        {
            return InputKind.Pst;
        }

        if (IsInMaildir(path) || (extension.Length == 0 && LooksLikeHeaders(head)))
        {
            return InputKind.Eml;
        }

        return head.StartsWith("PK\x03\x04"u8) && DocumentKinds.Detect(path, null, head) == DocumentKind.Zip
            ? InputKind.Zip
            : InputKind.Document;
    }

    /// <summary>Maildir bookkeeping files (dovecot indexes, subscriptions) that are not messages and not worth a report.</summary>
    public static bool IsMaildirBookkeeping(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("dovecot", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("courier", StringComparison.OrdinalIgnoreCase)
            || name is "subscriptions" or "maildirfolder" or ".uidvalidity" or "maildirsize";
    }

    private static bool IsInMaildir(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var parent = folder is null ? null : Path.GetDirectoryName(folder);
        return folder is not null && parent is not null
            && MaildirFolders.Contains(Path.GetFileName(folder), StringComparer.Ordinal)
            && Directory.Exists(Path.Combine(parent, "cur"));
    }

    /// <summary>Whether the first line is an RFC 5322 header field: printable name characters, then a colon.</summary>
    private static bool LooksLikeHeaders(ReadOnlySpan<byte> head)
    {
        var colon = head.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in head[..colon])
        {
            if (b is < 33 or > 126)
            {
                return false;
            }
        }

        return true;
    }
}
