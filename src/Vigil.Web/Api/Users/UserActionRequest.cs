namespace Vigil.Web.Api.Users;

/// <summary>The body of <c>POST /api/v1/users/{id}/set-role</c> (other actions take none).</summary>
internal sealed record UserActionRequest(string? Role);
