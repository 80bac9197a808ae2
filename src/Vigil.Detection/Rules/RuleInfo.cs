namespace Vigil.Detection.Rules;

/// <summary>What a rule says about itself: the metadata carried into every detection it produces.</summary>
/// <param name="Id">The rule's <c>id</c>, or a stable id derived from its file when it has none.</param>
/// <param name="Name">The rule's optional <c>name</c> (correlation rules refer to rules by id or name).</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Level">informational, low, medium, high or critical.</param>
/// <param name="Author">The rule's author; the Detection Rule License requires it in every detection.</param>
/// <param name="Tags">The rule's tags (ATT&amp;CK techniques and others).</param>
/// <param name="Status">stable, test, experimental...</param>
/// <param name="Description">What the rule detects.</param>
/// <param name="File">The file the rule was loaded from.</param>
/// <param name="Logsource">The rule's logsource as written.</param>
public sealed record RuleInfo(
    string Id,
    string? Name,
    string Title,
    Level Level,
    string Author,
    IReadOnlyList<string> Tags,
    string Status,
    string Description,
    string File,
    Logsource Logsource);
