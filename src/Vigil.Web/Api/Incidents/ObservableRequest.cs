namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"kind": "ip", "value": "203.0.113.9"}</c>.</summary>
internal sealed record ObservableRequest(string? Kind, string? Value);
