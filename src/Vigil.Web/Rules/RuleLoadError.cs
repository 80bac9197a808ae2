namespace Vigil.Web.Rules;

/// <summary>A rule file or rule that could not be loaded, with the reason (never the rule's content).</summary>
/// <param name="Pack">The pack it belongs to ("" when no pack holds the file).</param>
/// <param name="File">The file, relative to its pack's folder.</param>
/// <param name="Location">Where in the file (document, line, field), or empty.</param>
/// <param name="Kind">A short category (<c>bad-yaml</c>, <c>bad-condition</c>, <c>duplicate-id</c>...).</param>
/// <param name="Reason">One sentence for a person.</param>
internal sealed record RuleLoadError(string Pack, string File, string Location, string Kind, string Reason);
