namespace Vigil.Web.Api.Rules;

/// <summary>A Sigma rule's YAML, and for an upload whether to enable it at once. The YAML may also be sent as the raw body (<c>application/yaml</c>, with <c>?enable=true</c>).</summary>
internal sealed record RuleYamlRequest(string? Yaml, bool Enable = false);
