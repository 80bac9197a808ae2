namespace Vigil.Web.Api.Users;

/// <summary>A user to add: a sign-in name and one of the roles.</summary>
internal sealed record NewUserRequest(string? Name, string? Role);
