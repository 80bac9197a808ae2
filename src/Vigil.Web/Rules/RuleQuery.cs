namespace Vigil.Web.Rules;

/// <summary>Which rules to list: every filter given must hold.</summary>
/// <param name="Pack">Only this pack.</param>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this status (stable, test, experimental...).</param>
/// <param name="Enabled">Only enabled (true) or disabled (false) rules.</param>
/// <param name="Text">Contained in the title, id or a tag, ignoring case.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rules per page.</param>
internal sealed record RuleQuery(string? Pack = null, string? Level = null, string? Status = null, bool? Enabled = null, string? Text = null, int Page = 1, int PageSize = 50);
