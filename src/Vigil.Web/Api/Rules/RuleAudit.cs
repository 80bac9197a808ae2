namespace Vigil.Web.Api.Rules;

/// <summary>How rule changes appear in the audit log: action <c>rule-changed</c>, target <c>rule:{id}</c>, detail what was done (never a reason's text).</summary>
internal static class RuleAudit
{
    public const string Action = "rule-changed";

    public static string Target(string id) => $"rule:{id}";
}
