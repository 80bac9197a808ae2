namespace Vigil.Cli.Demo.Generation;

/// <summary>One of the clinic's (fictional) staff.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Upn">Sign-in name and mail address.</param>
/// <param name="Role">Job.</param>
/// <param name="ObjectId">Entra object id.</param>
/// <param name="HomeIp">Where they connect from at home.</param>
/// <param name="Phone">Mobile device type for ActiveSync, or null.</param>
/// <param name="UsesOwa">Reads mail in the browser rather than Outlook.</param>
internal sealed record StaffMember(string Name, string Upn, string Role, Guid ObjectId, Place HomeIp, string? Phone, bool UsesOwa)
{
    public string Alias => Upn[..Upn.IndexOf('@', StringComparison.Ordinal)];
}
