using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Account;

/// <summary>Sign-out (POST only, with the antiforgery token): this session, or every session of the user.</summary>
[Authorize(Policy = AccessPolicies.SignedIn)]
internal sealed class SignOutModel(SignInService signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(HttpContext, everywhere: false);
        return LocalRedirect("/signin");
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        await signIn.SignOutAsync(HttpContext, everywhere: true);
        return LocalRedirect("/signin");
    }
}
