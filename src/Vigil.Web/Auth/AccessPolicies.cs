using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Vigil.Web.Auth;

/// <summary>Which roles and which token scopes satisfy each policy: the one table behind every authorisation decision.</summary>
public static class AccessPolicies
{
    /// <summary>Signed in at all, second factor enrolment pending included (only the enrolment and sign-out pages use it).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Policy to the roles that satisfy it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesByPolicy { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Policies.Read] = [Roles.Admin, Roles.Analyst, Roles.PrivacyOfficer, Roles.Viewer],
        [Policies.Analyse] = [Roles.Admin, Roles.Analyst],
        [Policies.RevealPhi] = [Roles.PrivacyOfficer],
        [Policies.Respond] = [Roles.Analyst, Roles.PrivacyOfficer],
        [Policies.Administer] = [Roles.Admin],
        [Policies.Audit] = [Roles.Admin, Roles.PrivacyOfficer],
    };

    /// <summary>Policy to the token scopes that satisfy it (<see cref="Policies.RevealPhi"/>: none).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ScopesByPolicy { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Policies.Read] = [Scopes.Read, Scopes.Analyse, Scopes.Admin],
        [Policies.Analyse] = [Scopes.Analyse],
        [Policies.RevealPhi] = [],
        [Policies.Respond] = [Scopes.Respond],
        [Policies.Administer] = [Scopes.Admin],
        [Policies.Audit] = [Scopes.Audit],
        [Scopes.Ingest] = [Scopes.Ingest],
        [Scopes.Metrics] = [Scopes.Metrics],
    };

    /// <summary>Roles that must enrol a TOTP authenticator before they may do anything.</summary>
    public static IReadOnlyList<string> TotpRequired { get; } = [Roles.Admin, Roles.PrivacyOfficer];

    /// <summary>Whether <paramref name="user"/> satisfies <paramref name="policy"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return false;
        }

        if (identity.AuthenticationType == AccessSchemes.Bearer)
        {
            return ScopesByPolicy.TryGetValue(policy, out var scopes) && scopes.Any(s => user.HasClaim("scope", s));
        }

        if (identity.AuthenticationType != AccessSchemes.Cookie || !IsFullySignedIn(user))
        {
            return false;
        }

        var role = user.FindFirstValue(ClaimTypes.Role);
        return role is not null && RolesByPolicy.TryGetValue(policy, out var roles) && roles.Contains(role, StringComparer.Ordinal);
    }

    /// <summary>A cookie user who has no pending TOTP enrolment (or a token).</summary>
    public static bool IsFullySignedIn(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true }
            && (user.Identity.AuthenticationType == AccessSchemes.Bearer || user.FindFirstValue(AccessClaims.TotpPending) is null);
    }

    internal static void Register(AuthorizationBuilder builder)
    {
        // Unannotated endpoints (fallback) and a bare [Authorize] (default) both need a fully signed-in user.
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => IsFullySignedIn(c.User)).Build();
        builder.SetFallbackPolicy(signedIn);
        builder.SetDefaultPolicy(signedIn);
        builder.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.Identity?.AuthenticationType == AccessSchemes.Cookie));
        foreach (var policy in ScopesByPolicy.Keys)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, policy)));
        }
    }
}
