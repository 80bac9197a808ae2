namespace Vigil.Web.Charts;

/// <summary>One bar or one segment of a column: a label, a value and the CSS class that colours it.</summary>
/// <param name="Label">What it counts.</param>
/// <param name="Value">How many.</param>
/// <param name="CssClass">Its colour class in vigil.css (for example <c>sev-high</c>).</param>
internal sealed record ChartBar(string Label, long Value, string CssClass);
