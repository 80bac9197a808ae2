namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"note": "..."}</c> (optional, stored sealed).</summary>
internal sealed record TaskDoneRequest(string? Note);
