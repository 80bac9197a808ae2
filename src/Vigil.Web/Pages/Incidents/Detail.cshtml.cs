using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Incidents;

namespace Vigil.Web.Pages.Incidents;

/// <summary>
/// One incident: header with status moves and owner, description, playbook tasks (done by whom and when, with a note),
/// timeline (alerts' events and people's entries in time order), observables, linked alerts and comments; links to
/// its evidence and breach assessment pages. Every change goes through <see cref="IncidentWork"/> (audited).
/// </summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class DetailModel(IVigilStore store, IncidentWork work) : PageModel
{
    public IncidentDetails Details { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await IncidentDetails.LoadAsync(store, id, ct).ConfigureAwait(false) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    public Task<IActionResult> OnPostStatusAsync(long id, string? status, CancellationToken ct)
        => AfterAsync(id, $"Status set to {status}.", work.MoveAsync(HttpContext, id, status, ct), ct);

    public Task<IActionResult> OnPostOwnerAsync(long id, string? owner, CancellationToken ct)
        => AfterAsync(id, string.IsNullOrWhiteSpace(owner) ? "Owner cleared." : $"Owner set to {owner.Trim()}.", work.AssignAsync(HttpContext, id, owner, ct), ct);

    public Task<IActionResult> OnPostTaskAsync(long id, int number, string? note, CancellationToken ct)
        => AfterAsync(id, string.Create(CultureInfo.InvariantCulture, $"Task {number} done."), work.CompleteTaskAsync(HttpContext, id, number, note, ct), ct);

    public Task<IActionResult> OnPostTimelineAsync(long id, string? text, string? at, CancellationToken ct)
    {
        DateTimeOffset? when = null;
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (!DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return AfterAsync(id, "", Task.FromResult(WorkResult.Refused("When: use a date and time (UTC).")), ct);
            }

            when = new DateTimeOffset(parsed, TimeSpan.Zero);
        }

        return AfterAsync(id, "Timeline entry added.", work.AddTimelineAsync(HttpContext, id, text, when, ct), ct);
    }

    public Task<IActionResult> OnPostObservableAsync(long id, string? kind, string? value, CancellationToken ct)
        => AfterAsync(id, "Observable added.", work.AddObservableAsync(HttpContext, id, kind, value, ct), ct);

    public Task<IActionResult> OnPostCommentAsync(long id, string? text, CancellationToken ct)
        => AfterAsync(id, "Comment added.", work.CommentAsync(HttpContext, id, text, ct), ct);

    /// <summary>Done: back to the page with a message; refused: the page again with the reason (400); no such incident or task: 404.</summary>
    private async Task<IActionResult> AfterAsync(long id, string message, Task<WorkResult> change, CancellationToken ct)
    {
        var result = await change.ConfigureAwait(false);
        switch (result.Outcome)
        {
            case WorkOutcome.Done:
                Message = message;
                return RedirectToPage(new { id });
            case WorkOutcome.NotFound:
                return NotFound();
            default:
                if (await IncidentDetails.LoadAsync(store, id, ct).ConfigureAwait(false) is not { } details)
                {
                    return NotFound();
                }

                Details = details;
                Error = result.Problem;
                Response.StatusCode = 400;
                return Page();
        }
    }
}
