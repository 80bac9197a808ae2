using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Account;

/// <summary>Where a signed-in person lands when their role does not allow a page (HTTP 403).</summary>
[Authorize(Policy = AccessPolicies.SignedIn)]
internal sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
