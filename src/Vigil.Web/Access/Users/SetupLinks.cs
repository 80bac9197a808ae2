using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Storage;

namespace Vigil.Web.Access.Users;

/// <summary>
/// One-time set-up links for a named user: the store's set-up token (one use, expiry, only its hash kept), bound to the
/// user in the store's key-value state under the token's SHA-256, so a link sets the password of that user and no other.
/// A token without a binding is the first-administrator link <c>vigil serve</c> prints.
/// </summary>
internal static class SetupLinks
{
    private const string Prefix = "setup-link-user:";

    /// <summary>Creates a link token for <paramref name="userId"/>; the returned text is the only copy.</summary>
    public static async Task<string> IssueAsync(IVigilStore store, long userId, DateTimeOffset now, TimeSpan lifetime, CancellationToken ct)
    {
        var token = await store.Users.CreateSetupTokenAsync(now, lifetime, ct).ConfigureAwait(false);
        await store.State.SetAsync(Key(token), userId.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        return token;
    }

    /// <summary>The user a token was issued for, or null for the first-administrator link (or an unknown token).</summary>
    public static async Task<long?> UserOfAsync(IVigilStore store, string token, CancellationToken ct)
        => await store.State.GetAsync(Key(token), ct).ConfigureAwait(false) is { Length: > 0 } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The link as the person opening it will use it, on the host the admin reached.</summary>
    public static string Url(Microsoft.AspNetCore.Http.HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/setup/{token}";
    }

    private static string Key(string token) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
