namespace Vigil.Web.Api.Rules;

/// <summary>Why a rule is enabled or disabled (optional, up to 500 characters).</summary>
internal sealed record RuleStateRequest(string? Reason);
