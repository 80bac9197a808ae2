namespace Vigil.Discovery.Extraction;

/// <summary>Tells a document's kind: the file name's extension first, then the media type, then its first bytes.</summary>
internal static class DocumentKinds
{
    private static readonly Dictionary<string, DocumentKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentKind.Text,
        [".text"] = DocumentKind.Text,
        [".csv"] = DocumentKind.Text,
        [".tsv"] = DocumentKind.Text,
        [".log"] = DocumentKind.Text,
        [".md"] = DocumentKind.Text,
        [".json"] = DocumentKind.Text,
        [".xml"] = DocumentKind.Text,
        [".ics"] = DocumentKind.Text,
        [".vcf"] = DocumentKind.Text,
        [".rtf"] = DocumentKind.Text,
        [".html"] = DocumentKind.Html,
        [".htm"] = DocumentKind.Html,
        [".pdf"] = DocumentKind.Pdf,
        [".docx"] = DocumentKind.Docx,
        [".docm"] = DocumentKind.Docx,
        [".xlsx"] = DocumentKind.Xlsx,
        [".xlsm"] = DocumentKind.Xlsx,
        [".zip"] = DocumentKind.Zip,
        [".eml"] = DocumentKind.Message,
        [".png"] = DocumentKind.Image,
        [".jpg"] = DocumentKind.Image,
        [".jpeg"] = DocumentKind.Image,
        [".gif"] = DocumentKind.Image,
        [".tif"] = DocumentKind.Image,
        [".tiff"] = DocumentKind.Image,
        [".bmp"] = DocumentKind.Image,
    };

    private static readonly Dictionary<string, DocumentKind> ByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/html"] = DocumentKind.Html,
        ["application/pdf"] = DocumentKind.Pdf,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = DocumentKind.Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = DocumentKind.Xlsx,
        ["application/zip"] = DocumentKind.Zip,
        ["application/x-zip-compressed"] = DocumentKind.Zip,
        ["message/rfc822"] = DocumentKind.Message,
        ["application/rtf"] = DocumentKind.Text,
        ["message/delivery-status"] = DocumentKind.Text,
        ["message/disposition-notification"] = DocumentKind.Text,
        ["text/rfc822-headers"] = DocumentKind.Text,
        ["application/json"] = DocumentKind.Text,
        ["application/xml"] = DocumentKind.Text,
        ["application/csv"] = DocumentKind.Text,
    };

    public static DocumentKind Detect(string? fileName, string? mediaType, ReadOnlySpan<byte> start)
    {
        var extension = Path.GetExtension(fileName);
        if (!string.IsNullOrEmpty(extension) && ByExtension.TryGetValue(extension, out var kind))
        {
            return kind;
        }

        if (mediaType is not null)
        {
            if (ByMediaType.TryGetValue(mediaType, out kind))
            {
                return kind;
            }

            if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Text;
            }

            if (mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Image;
            }
        }

        return start switch
        {
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => DocumentKind.Pdf,
            [(byte)'P', (byte)'K', 3, 4, ..] => DocumentKind.Zip,
            _ => DocumentKind.Unsupported,
        };
    }

    /// <summary>A short, patient-free description of what could not be read: the extension or the media type.</summary>
    public static string Describe(string? fileName, string? mediaType)
    {
        var extension = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(extension) || extension.Length > 10 ? mediaType ?? "unknown" : extension.ToLowerInvariant();
    }
}
