namespace Vigil.Web.Api;

/// <summary>Body of <c>POST /api/v1/alerts/{id}/assign</c>: a user name, or empty to unassign.</summary>
internal sealed record AssignRequest(string? Assignee);
