using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Web.Access;

namespace Vigil.Web.Pages.Account;

/// <summary>
/// Sign-in with name, password and (once enrolled) a TOTP code. Every failure gets the same message; failed attempts per
/// client address and per account are limited by <see cref="SignInService"/> (successful sign-ins do not count).
/// </summary>
[AllowAnonymous]
internal sealed class SignInModel(SignInService signIn, WebOptions options) : PageModel
{
    /// <summary>The sign-in name.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The password (never echoed back).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The TOTP code.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What went wrong, if anything.</summary>
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.SignInAsync(HttpContext, Name, Password, Code);
        Password = null;
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.MustEnrolTotp:
                return LocalRedirect("/account/totp");
            case SignInOutcome.RateLimited:
                Message = "Too many failed sign-ins from here or for this account; wait a minute and try again.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Message = $"Sign-in failed: the name, password or code is wrong. After {options.Access.LockoutThreshold} failures in a row an account is locked for {options.Access.LockoutDuration.TotalMinutes:0} minutes.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
