namespace Vigil.Web.Api.Users;

/// <summary>What a change did, and a new one-time set-up link when it made one (shown in this answer only).</summary>
internal sealed record UserChangeAnswer(string Message, string? SetupLink, UserRow? User);
