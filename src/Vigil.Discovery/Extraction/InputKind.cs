namespace Vigil.Discovery.Extraction;

/// <summary>What a file given to <see cref="ContentReader"/> holds.</summary>
internal enum InputKind
{
    Mbox,
    GzipMbox,
    Eml,
    Pst,
    Zip,
    Document,
}
