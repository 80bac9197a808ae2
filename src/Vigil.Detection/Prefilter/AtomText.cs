namespace Vigil.Detection.Prefilter;

/// <summary>A literal (upper-cased invariantly) that a value must hold, and where.</summary>
internal readonly record struct AtomText(string Literal, AtomKind Kind);
