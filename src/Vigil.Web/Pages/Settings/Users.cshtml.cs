using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Access.Users;
using Vigil.Web.Api.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Settings;

/// <summary>
/// Settings → Users (admins): add a user (a one-time set-up link sets their password), change a role, disable or
/// enable, unlock, reset the second factor, end every session, issue a new set-up link. The page's policy covers its
/// POST handlers too (the whole page is Administer); every change is audited by <see cref="UserAdministration"/>.
/// </summary>
[Authorize(Policy = Policies.Administer)]
internal sealed class UsersModel(IVigilStore store, UserAdministration admin, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    /// <summary>What the last change did.</summary>
    public string? Message { get; private set; }

    /// <summary>Why the last change was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>A set-up link just made: shown on this one answer and never again.</summary>
    public string? SetupLink { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Users = [.. (await store.Users.ListAsync(ct).ConfigureAwait(false)).Select(u => UserRow.From(u, now))];
    }

    public async Task<IActionResult> OnPostAddAsync(string? name, string? role, CancellationToken ct)
        => await ShowAsync(await admin.AddAsync(HttpContext, name?.Trim(), role).ConfigureAwait(false), ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostChangeAsync(long id, string? action, string? role, CancellationToken ct)
        => await ShowAsync(await admin.ApplyAsync(HttpContext, id, action, role).ConfigureAwait(false), ct).ConfigureAwait(false);

    private async Task<IActionResult> ShowAsync(UserChange change, CancellationToken ct)
    {
        Message = change.Done ? change.Message : null;
        Error = change.Done ? null : change.Message;
        SetupLink = change.Done ? change.SetupLink : null;
        Response.StatusCode = change.Status;
        await OnGetAsync(ct).ConfigureAwait(false);
        return Page();
    }
}
