namespace Vigil.Discovery.Extraction;

/// <summary>The document formats <see cref="DocumentText"/> reads, told by extension, media type and magic bytes.</summary>
internal enum DocumentKind
{
    Unsupported,
    Text,
    Html,
    Pdf,
    Docx,
    Xlsx,
    Zip,
    Message,
    Image,
}
