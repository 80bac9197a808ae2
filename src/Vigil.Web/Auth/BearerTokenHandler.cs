using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Storage;

namespace Vigil.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer vgl_...</c> against the token store.</summary>
/// <remarks>
/// The token's scopes become <c>scope</c> claims; authorisation policies named after the scopes require them. A missing
/// or unknown token gets 401, a token without the route's scope 403. The token itself is never logged.
/// </remarks>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IVigilStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AccessSchemes.Bearer;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return AuthenticateResult.Fail("not a bearer token");
        }

        var token = await store.Tokens.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.Id), new(ClaimTypes.Name, token.Name) };
        claims.AddRange(token.Scopes.Select(static s => new Claim("scope", s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
