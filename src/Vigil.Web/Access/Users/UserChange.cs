namespace Vigil.Web.Access.Users;

/// <summary>What an administrator's change to a user came to: an HTTP status, a message for people, a set-up link.</summary>
/// <param name="Status">200 done, 400 bad input, 404 no such user, 409 refused (the last admin, a taken name).</param>
/// <param name="Message">What happened, in words (never a secret).</param>
/// <param name="SetupLink">A new one-time set-up link (shown once), or null.</param>
internal sealed record UserChange(int Status, string Message, string? SetupLink = null)
{
    public bool Done => Status == 200;
}
