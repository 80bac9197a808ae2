using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Users;
using Vigil.Web.Access;
using Vigil.Web.Access.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Account;

/// <summary>
/// A one-time set-up link: the one <c>vigil serve</c> prints while no administrator exists creates the first admin; one an
/// administrator made for a named user (Settings → Users) sets that user's password, then they sign in (with their
/// second factor, or enrolling one when their role requires it).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(VigilWeb.SignInRateLimit)]
internal sealed class SetupModel(IVigilStore store, SignInService signIn, TimeProvider time) : PageModel
{
    /// <summary>The link's token (from the path).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The new administrator's name.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The password again.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    public bool Usable { get; private set; }

    /// <summary>The user a link made by an administrator is for, or null for the first-administrator link.</summary>
    public UserAccount? ForUser { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Usable = await UsableAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Usable = await UsableAsync();
        if (!Usable)
        {
            return Page();
        }

        Message = ForUser is null && !UserNames.IsValid(Name) ? "A name is 1 to 64 letters, digits and . _ - @."
            : PasswordHashing.Weakness(Password) is { } weakness ? $"That password cannot be used: {weakness}."
            : Password != Confirm ? "The two passwords differ."
            : null;
        if (Message is not null)
        {
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        if (!await store.Users.RedeemSetupTokenAsync(Token!, time.GetUtcNow(), ct))
        {
            Usable = false;
            return Page();
        }

        if (ForUser is { } named)
        {
            await store.Users.SetPasswordHashAsync(named.Id, PasswordHashing.Hash(Password!), ct);
            await store.Users.ClearFailedSignInsAsync(named.Id, ct);
            await store.Audit.AppendAsync(new AuditEntry("setup-link", AuditActions.PasswordChanged, named.Name, HttpContext.Connection.RemoteIpAddress?.ToString(), null), ct);
            return LocalRedirect("/signin");
        }

        var user = await store.Users.CreateAsync(Name!, Roles.Admin, PasswordHashing.Hash(Password!), time.GetUtcNow(), ct);
        if (user is null)
        {
            Message = "That name is taken.";
            return Page();
        }

        await store.Audit.AppendAsync(new AuditEntry("setup-link", AuditActions.UserAdded, user.Name, HttpContext.Connection.RemoteIpAddress?.ToString(), $"role {Roles.Admin}"), ct);
        await signIn.IssueAsync(HttpContext, user);
        return LocalRedirect("/account/totp");
    }

    private async Task<bool> UsableAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Token is not { Length: > 0 and < 200 } || !await store.Users.IsSetupTokenValidAsync(Token, time.GetUtcNow(), ct))
        {
            return false;
        }

        if (await SetupLinks.UserOfAsync(store, Token, ct) is { } userId)
        {
            ForUser = await store.Users.GetAsync(userId, ct) is { Disabled: false } user ? user : null;
            return ForUser is not null;
        }

        return !await store.Users.AnyEnabledWithRoleAsync(Roles.Admin, ct);
    }
}
