using Vigil.Storage.Users;

namespace Vigil.Web.Api.Users;

/// <summary>
/// A user as the Users page and API list it (never a password hash or a TOTP secret); <c>Status</c> is <c>active</c>,
/// <c>locked</c> (until <c>LockedUntil</c>) or <c>disabled</c>.
/// </summary>
internal sealed record UserRow(
    long Id,
    string Name,
    string Role,
    bool TotpEnrolled,
    string Status,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt)
{
    public bool Locked => Status == "locked";

    public static UserRow From(UserAccount user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var status = user.Disabled ? "disabled" : user.LockedUntil is { } until && until > now ? "locked" : "active";
        return new UserRow(user.Id, user.Name, user.Role, user.TotpEnrolled, status, user.FailedSignIns, user.LockedUntil, user.DisabledAt, user.CreatedAt);
    }
}
