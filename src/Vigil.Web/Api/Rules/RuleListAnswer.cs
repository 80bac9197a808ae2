namespace Vigil.Web.Api.Rules;

/// <summary>A page of rules: <c>next</c> is the next page's number, or null on the last page.</summary>
internal sealed record RuleListAnswer(IReadOnlyList<RuleItem> Rules, int Total, int Page, int PageSize, int? Next);
