namespace Vigil.Response.Playbooks;

/// <summary>One playbook step.</summary>
/// <param name="Group">Its group (<c>Preserve</c>, <c>Contain</c>, ...).</param>
/// <param name="Title">What to do.</param>
/// <param name="Source">The source it comes from.</param>
public sealed record PlaybookStep(string Group, string Title, string Source);
