namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"status": "Investigating"}</c>.</summary>
internal sealed record StatusRequest(string? Status);
