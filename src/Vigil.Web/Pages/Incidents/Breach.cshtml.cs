using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Response.Evidence;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;
using Vigil.Storage.Discovery;
using Vigil.Web.Access;
using Vigil.Web.Api.Breach;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Pages.Incidents;

/// <summary>
/// An incident's breach assessment: scope (counts only), risk, decisions, clocks and the notifications sent, for
/// analysts and privacy officers; scoping, recording, marking deadlines met and generating documents for privacy
/// officers only (checked in each handler: Razor Pages ignore [Authorize] on handlers), each audited.
/// </summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class BreachModel(BreachWork work, TimeProvider time) : PageModel
{
    public Incident Incident { get; private set; } = null!;

    public BreachAssessment? Assessment { get; private set; }

    public IReadOnlyList<ClockView> Clocks { get; private set; } = [];

    public IReadOnlyList<NotificationRecord> Sent { get; private set; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

    public IReadOnlyList<PhiScanRecord> Scans { get; private set; } = [];

    public bool CanDecide { get; private set; }

    public string? Draft { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The facts form: the recorded facts, or what was posted when it had errors.</summary>
    public BreachFactsForm? Facts { get; private set; }

    /// <summary>The facts form's wrong fields (camelCase name → message naming the field and why).</summary>
    public IReadOnlyDictionary<string, string> FactErrors { get; private set; } = new Dictionary<string, string>();

    public string Now => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string? FontNote => PdfFonts.Default.Note;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct).ConfigureAwait(false) ? Page() : NotFound();

    public Task<IActionResult> OnPostScopeAsync(long id, string? source, CancellationToken ct) => DecideAsync(id, ct, async incident =>
    {
        var actor = HttpAudit.Actor(User);
        var parts = (source ?? "").Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || parts[0] is not ("evidence" or "scan"))
        {
            return "Choose an evidence item or a discovery scan.";
        }

        var (assessment, problems, error) = parts[0] == "evidence"
            ? await work.ScopeFromEvidenceAsync(incident, n, actor, ct).ConfigureAwait(false)
            : await work.ScopeFromScanAsync(incident, n, actor, ct).ConfigureAwait(false);
        if (assessment is null)
        {
            return error;
        }

        await HttpContext.AuditAsync(BreachAudit.Assessed, BreachAudit.Target(id), $"{parts[0]} {n}: {assessment.Scope.People} people, {assessment.Scope.Records} records").ConfigureAwait(false);
        Message = $"Scoped: {assessment.Scope.People} people, {assessment.Scope.Records} records ({problems} inputs could not be read). Decide again.";
        return null;
    });

    public Task<IActionResult> OnPostRiskAsync(long id, int likelihood, int severity, string? reasoning, CancellationToken ct) => DecideAsync(id, ct, async incident =>
    {
        if (likelihood is < 1 or > 5 || severity is < 1 or > 5 || string.IsNullOrWhiteSpace(reasoning) || reasoning.Length > 4000)
        {
            return "Likelihood and severity are 1 to 5, and the reasoning is needed (up to 4,000 characters).";
        }

        if (await work.RecordRiskAsync(incident, (Likelihood)likelihood, (Severity)severity, reasoning, HttpAudit.Actor(User), ct).ConfigureAwait(false) is null)
        {
            return "Scope the breach first.";
        }

        await HttpContext.AuditAsync(BreachAudit.RiskRecorded, BreachAudit.Target(id), $"likelihood {likelihood}, severity {severity}").ConfigureAwait(false);
        Message = "Risk recorded.";
        return null;
    });

    public Task<IActionResult> OnPostFactsAsync(long id, BreachFactsForm facts, CancellationToken ct) => DecideAsync(id, ct, async incident =>
    {
        var input = facts.ToInput(out var unreadable);
        var (assessment, errors, changed, cleared) = await work.RecordFactsAsync(incident, input, HttpAudit.Actor(User), ct, unreadable).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            (Facts, FactErrors) = (facts, errors);
            return "The facts were not saved: correct the fields marked below.";
        }

        if (assessment is null)
        {
            return "Scope the breach first.";
        }

        await HttpContext.AuditAsync(BreachAudit.FactsChanged, BreachAudit.Target(id), BreachWork.FactsAuditDetail(changed, assessment)).ConfigureAwait(false);
        Message = $"Facts saved and the breach assessed again: risk {assessment.Risk.Level}.{(cleared ? " The earlier decisions were made on the earlier assessment: record them again." : "")}";
        return null;
    });

    public Task<IActionResult> OnPostDecideAsync(long id, string? regulator, string? individuals, string? reason, CancellationToken ct) => DecideAsync(id, ct, async incident =>
    {
        if (regulator is not ("yes" or "no") || individuals is not ("yes" or "no") || string.IsNullOrWhiteSpace(reason) || reason.Length > 4000)
        {
            return "Answer both questions and give the reason (up to 4,000 characters).";
        }

        if (await work.DecideAsync(incident, regulator == "yes", individuals == "yes", reason.Trim(), HttpAudit.Actor(User), ct).ConfigureAwait(false) is null)
        {
            return "Scope the breach first.";
        }

        await HttpContext.AuditAsync(BreachAudit.Decided, BreachAudit.Target(id), $"regulator {regulator}, individuals {individuals}").ConfigureAwait(false);
        Message = "Decisions recorded.";
        return null;
    });

    public Task<IActionResult> OnPostSentAsync(long id, string? target, string? phase, string? sentAt, string? reference, CancellationToken ct) => DecideAsync(id, ct, async incident =>
    {
        var parts = (target ?? "").Split(':');
        if (parts.Length != 2)
        {
            return "Choose whom the notification went to.";
        }

        if (!DateTimeOffset.TryParse(sentAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return "Give the time it was sent (UTC, for example 2026-03-02T10:30).";
        }

        var (record, error) = await work.MarkSentAsync(incident, parts[0], parts[1], phase ?? NotificationPhases.Initial, at, reference, HttpAudit.Actor(User), ct).ConfigureAwait(false);
        if (record is null)
        {
            return error;
        }

        await HttpContext.AuditAsync(BreachAudit.NotificationSent, BreachAudit.Target(id), $"{record.Key} {record.Phase}").ConfigureAwait(false);
        Message = $"{record.Key}: notification recorded as sent; the deadline is met and its reminders stop.";
        return null;
    });

    public async Task<IActionResult> OnPostDraftAsync(long id, string? phase, string? jurisdiction, string? format, CancellationToken ct)
    {
        if (!AccessPolicies.Allows(User, Policies.RevealPhi))
        {
            return StatusCode(403);
        }

        var (file, status, error) = await DocumentsApi.DraftAsync(HttpContext, work, id, phase, string.IsNullOrEmpty(jurisdiction) ? null : jurisdiction, format == "view" ? "md" : format).ConfigureAwait(false);
        if (status == 404 || !await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (file is not null && format != "view")
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        Draft = file is null ? null : System.Text.Encoding.UTF8.GetString(file.Content);
        Error = error;
        return Page();
    }

    public async Task<IActionResult> OnPostLettersAsync(long id, string? format, CancellationToken ct)
    {
        if (!AccessPolicies.Allows(User, Policies.RevealPhi))
        {
            return StatusCode(403);
        }

        var (file, status, error) = await DocumentsApi.LettersFileAsync(HttpContext, work, id, format).ConfigureAwait(false);
        if (file is not null)
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        if (status == 404 || !await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        Error = error;
        return Page();
    }

    /// <summary>A privacy officer's change: refused with 403 for anyone else; the page again with the message or the problem.</summary>
    private async Task<IActionResult> DecideAsync(long id, CancellationToken ct, Func<Incident, Task<string?>> change)
    {
        if (!AccessPolicies.Allows(User, Policies.RevealPhi))
        {
            return StatusCode(403);
        }

        if (await work.IncidentAsync(id, ct).ConfigureAwait(false) is not { } incident)
        {
            return NotFound();
        }

        Error = await change(incident).ConfigureAwait(false);
        await LoadAsync(id, ct).ConfigureAwait(false);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await work.IncidentAsync(id, ct).ConfigureAwait(false) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        Assessment = await work.AssessmentAsync(id, HttpAudit.Actor(User), ct).ConfigureAwait(false);
        (Clocks, Sent) = await work.ClocksAsync(incident, Assessment, ct).ConfigureAwait(false);
        CanDecide = AccessPolicies.Allows(User, Policies.RevealPhi);
        if (CanDecide)
        {
            Facts ??= Assessment is null ? null : BreachFactsForm.From(Assessment.Facts);
            Evidence = await work.Store.Evidence.ListAsync(id, ct).ConfigureAwait(false);
            Scans = await work.Store.PhiScans.ListAsync(null, 20, ct).ConfigureAwait(false);
        }

        return true;
    }
}
