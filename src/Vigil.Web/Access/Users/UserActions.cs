namespace Vigil.Web.Access.Users;

/// <summary>What an administrator can do to an account (the API's <c>POST /api/v1/users/{id}/{action}</c>).</summary>
internal static class UserActions
{
    public const string SetRole = "set-role";
    public const string Disable = "disable";
    public const string Enable = "enable";
    public const string Unlock = "unlock";
    public const string ResetTotp = "reset-totp";
    public const string SignOutEverywhere = "sign-out-everywhere";
    public const string SetupLink = "setup-link";

    public static IReadOnlyList<string> All { get; } = [SetRole, Disable, Enable, Unlock, ResetTotp, SignOutEverywhere, SetupLink];
}
