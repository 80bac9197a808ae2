using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;
using Vigil.Web.Access;
using Vigil.Web.Api;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Alerts;

/// <summary>
/// One alert: the rule's description and ATT&amp;CK techniques, its history, and (for roles that may read events) the
/// events that caused it and their neighbours in time; analysts acknowledge, assign, comment and close it here.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class DetailModel(IVigilStore store, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public const int EventsShown = 20;

    public Alert Alert { get; private set; } = null!;

    public RuleMetadata Rule { get; private set; } = null!;

    public IReadOnlyList<AlertActivity> Activity { get; private set; } = [];

    public IReadOnlyList<StoredEvent> Causes { get; private set; } = [];

    public IReadOnlyList<StoredEvent> Neighbours { get; private set; } = [];

    public bool CanAct { get; private set; }

    /// <summary>Whether the user may open incidents from the alert.</summary>
    public bool CanRespond { get; private set; }

    /// <summary>The incidents the alert is linked to (shown to those who may respond).</summary>
    public IReadOnlyList<Vigil.Response.Incidents.Incident> Incidents { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await store.Alerts.GetAsync(id, ct).ConfigureAwait(false) is not { } alert)
        {
            return NotFound();
        }

        Alert = alert;
        Rule = RuleMetadata.Parse(alert.Details);
        Activity = await store.AlertWorkflow.ActivityAsync(id, ct).ConfigureAwait(false);
        CanAct = (await authorization.AuthorizeAsync(User, Policies.Analyse).ConfigureAwait(false)).Succeeded;
        CanRespond = (await authorization.AuthorizeAsync(User, Policies.Respond).ConfigureAwait(false)).Succeeded;
        if (CanRespond)
        {
            Incidents = await store.Incidents.ListForAlertAsync(id, ct).ConfigureAwait(false);
        }

        if (CanAct)
        {
            Causes = await store.Insights.GetEventsAsync([.. alert.EventIds.Take(EventsShown)], ct).ConfigureAwait(false);
            var causes = Causes.Select(static e => e.Id).ToHashSet();
            Neighbours = [.. (await store.Insights.AroundAsync(alert.FirstSeen, Rule.SourceType, 6, ct).ConfigureAwait(false)).Where(e => !causes.Contains(e.Id))];
        }

        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct)
        => ChangeAsync(id, "Acknowledged.", AlertStatuses.Acknowledged, () => store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Acknowledged, HttpAudit.Actor(User), time.GetUtcNow(), ct));

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct)
        => ChangeAsync(id, "Reopened.", AlertStatuses.Open, () => store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Open, HttpAudit.Actor(User), time.GetUtcNow(), ct));

    public Task<IActionResult> OnPostCloseAsync(long id, string? verdict, CancellationToken ct)
    {
        var status = verdict == "true-positive" ? AlertStatuses.ClosedTruePositive : verdict == "false-positive" ? AlertStatuses.ClosedFalsePositive : null;
        return status is null
            ? Task.FromResult<IActionResult>(BadRequest())
            : ChangeAsync(id, $"Closed as {verdict}.", status, () => store.AlertWorkflow.SetStatusAsync(id, status, HttpAudit.Actor(User), time.GetUtcNow(), ct));
    }

    public Task<IActionResult> OnPostAssignAsync(long id, string? assignee, CancellationToken ct)
        => assignee is { Length: > 100 }
            ? Task.FromResult<IActionResult>(BadRequest())
            : ChangeAsync(id, string.IsNullOrWhiteSpace(assignee) ? "Unassigned." : $"Assigned to {assignee.Trim()}.", "assigned", () => store.AlertWorkflow.AssignAsync(id, assignee, HttpAudit.Actor(User), time.GetUtcNow(), ct));

    public Task<IActionResult> OnPostCommentAsync(long id, string? text, CancellationToken ct)
        => string.IsNullOrWhiteSpace(text) || text.Length > 4000
            ? Task.FromResult<IActionResult>(BadRequest())
            : ChangeAsync(id, "Comment added.", "commented", () => store.AlertWorkflow.CommentAsync(id, text.Trim(), HttpAudit.Actor(User), time.GetUtcNow(), ct));

    /// <remarks>Razor Pages ignore [Authorize] on handlers: the page needs Read, every change needs Analyse, checked here first.</remarks>
    private async Task<IActionResult> ChangeAsync(long id, string message, string what, Func<Task<bool>> change)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Analyse).ConfigureAwait(false)).Succeeded)
        {
            return Forbid();
        }

        if (!await change().ConfigureAwait(false))
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(AlertAudit.Action, AlertAudit.Target(id), what).ConfigureAwait(false);
        Message = message;
        return RedirectToPage(new { id });
    }
}
