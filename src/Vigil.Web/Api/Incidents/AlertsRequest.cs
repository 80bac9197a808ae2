namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"alertIds": [41, 42]}</c>.</summary>
internal sealed record AlertsRequest(IReadOnlyList<long>? AlertIds);
