using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Response.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Pages.Incidents;

/// <summary>The breach register (GDPR Art. 33(5)): every incident, notified or not, with its facts, effects and remedial action; CSV from the API.</summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class RegisterModel(BreachWork work) : PageModel
{
    public IReadOnlyList<BreachRegisterEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await work.RegisterAsync(HttpAudit.Actor(User), ct).ConfigureAwait(false);
}
