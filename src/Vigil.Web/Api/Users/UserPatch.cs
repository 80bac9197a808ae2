namespace Vigil.Web.Api.Users;

/// <summary>Changes to a user: a new role and/or disabled (true) or enabled (false); absent fields are kept.</summary>
internal sealed record UserPatch(string? Role, bool? Disabled);
