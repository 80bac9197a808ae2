namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"owner": "ana"}</c>; empty clears it.</summary>
internal sealed record OwnerRequest(string? Owner);
