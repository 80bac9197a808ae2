namespace Vigil.Web.Rules;

/// <summary>One page of rules and how many matched in all.</summary>
/// <param name="Rows">The page's rules.</param>
/// <param name="Total">How many rules matched the query.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Rules per page.</param>
internal sealed record RulePage(IReadOnlyList<RuleRow> Rows, int Total, int Page, int PageSize)
{
    public bool HasNext => Page * PageSize < Total;
}
