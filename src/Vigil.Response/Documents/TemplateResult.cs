namespace Vigil.Response.Documents;

/// <summary>A filled template, or the problems that stop it being used.</summary>
/// <param name="Text">The text (Markdown-ish: <c>#</c> headings, <c>-</c> bullets, lines as paragraphs).</param>
/// <param name="Problems">Line and reason for each problem; empty when the template is sound.</param>
public sealed record TemplateResult(string Text, IReadOnlyList<string> Problems)
{
    /// <summary>True when there is no problem.</summary>
    public bool Ok => Problems.Count == 0;
}
