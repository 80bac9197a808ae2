namespace Vigil.Web.Api;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/close</c>: <c>true-positive</c> or <c>false-positive</c>.</summary>
internal sealed record CloseRequest(string Verdict);
