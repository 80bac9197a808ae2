using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Api.Breach;

/// <summary>
/// <c>/api/v1/incidents/{id}/breach</c>: the assessment (counts only), clocks and notifications for analysts and
/// privacy officers; scoping, the risk, the decisions and marking a deadline met for privacy officers only (audited).
/// </summary>
internal static class BreachApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var breach = app.MapGroup("/api/v1/incidents/{id:long}/breach").WithTags("Breach");
        breach.MapGet("", GetAsync).RequireAuthorization(Policies.Respond).WithSummary("The assessment (counts, categories, risk, rulings, decisions), the clocks and the notifications sent.");
        breach.MapPost("/scope", ScopeAsync).RequireAuthorization(Policies.RevealPhi).WithSummary("Scope from an evidence item or a discovery scan: scan-phi, subjects sealed, counts returned (privacy officers).");
        breach.MapPost("/risk", RiskAsync).RequireAuthorization(Policies.RevealPhi).WithSummary("Record likelihood and severity (1-5) with the reasoning (privacy officers).");
        breach.MapPost("/decision", DecideAsync).RequireAuthorization(Policies.RevealPhi).WithSummary("Record the decisions to notify the regulator and the individuals, with the reason (privacy officers).");
        breach.MapPost("/notifications", SentAsync).RequireAuthorization(Policies.RevealPhi).WithSummary("Mark a deadline met: a notification sent at a time, with the recipient's reference; its reminders stop (privacy officers).");
        DocumentsApi.Map(app);
    }

    public static ClockAnswer Answer(ClockView c)
        => new(c.Clock.Key, c.Clock.Jurisdiction, c.Clock.Rule.Id, c.Clock.Rule.Recipient, c.Clock.Rule.Citation, c.Clock.Due, c.State, c.Left, c.Met);

    private static async Task<Results<Ok<BreachAnswer>, NotFound>> GetAsync(HttpContext http, BreachWork work, long id)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var assessment = await work.AssessmentAsync(id, HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        var (clocks, sent) = await work.ClocksAsync(incident, assessment, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new BreachAnswer(id, incident.Reference, assessment, [.. clocks.Select(Answer)], sent));
    }

    private static async Task<Results<Ok<ScopeAnswer>, NotFound, ProblemHttpResult>> ScopeAsync(HttpContext http, BreachWork work, long id, ScopeRequest body)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        if ((body?.EvidenceId is null) == (body?.ScanId is null))
        {
            return TypedResults.Problem("give evidenceId or scanId (one of the two)", statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = HttpAudit.Actor(http.User);
        var (assessment, problems, error) = body!.EvidenceId is { } evidence
            ? await work.ScopeFromEvidenceAsync(incident, evidence, actor, http.RequestAborted).ConfigureAwait(false)
            : await work.ScopeFromScanAsync(incident, body.ScanId!.Value, actor, http.RequestAborted).ConfigureAwait(false);
        if (assessment is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        await http.AuditAsync(BreachAudit.Assessed, BreachAudit.Target(id), $"{(body.EvidenceId is { } e ? $"evidence {e}" : $"scan {body.ScanId}")}: {assessment.Scope.People} people, {assessment.Scope.Records} records").ConfigureAwait(false);
        return TypedResults.Ok(new ScopeAnswer(assessment, problems));
    }

    private static async Task<Results<Ok<BreachAssessment>, NotFound, ProblemHttpResult>> RiskAsync(HttpContext http, BreachWork work, long id, RiskRequest body)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        if (body is null || body.Likelihood is < 1 or > 5 || body.Severity is < 1 or > 5 || string.IsNullOrWhiteSpace(body.Reasoning) || body.Reasoning.Length > 4000)
        {
            return TypedResults.Problem("likelihood and severity: 1 to 5; reasoning: 1 to 4,000 characters", statusCode: StatusCodes.Status400BadRequest);
        }

        var updated = await work.RecordRiskAsync(incident, (Likelihood)body.Likelihood, (Severity)body.Severity, body.Reasoning, HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (updated is null)
        {
            return TypedResults.Problem("not assessed yet: scope the breach first", statusCode: StatusCodes.Status409Conflict);
        }

        await http.AuditAsync(BreachAudit.RiskRecorded, BreachAudit.Target(id), $"likelihood {body.Likelihood}, severity {body.Severity}").ConfigureAwait(false);
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<Ok<BreachAssessment>, NotFound, ProblemHttpResult>> DecideAsync(HttpContext http, BreachWork work, long id, DecisionRequest body)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 4000)
        {
            return TypedResults.Problem("reason: 1 to 4,000 characters", statusCode: StatusCodes.Status400BadRequest);
        }

        var decided = await work.DecideAsync(incident, body.Regulator, body.Individuals, body.Reason.Trim(), HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (decided is null)
        {
            return TypedResults.Problem("not assessed yet: scope the breach first", statusCode: StatusCodes.Status409Conflict);
        }

        await http.AuditAsync(BreachAudit.Decided, BreachAudit.Target(id), $"regulator {(body.Regulator ? "yes" : "no")}, individuals {(body.Individuals ? "yes" : "no")}").ConfigureAwait(false);
        return TypedResults.Ok(decided);
    }

    private static async Task<Results<Created<NotificationRecord>, NotFound, ProblemHttpResult>> SentAsync(HttpContext http, BreachWork work, TimeProvider time, long id, SentRequest body)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var (record, error) = await work.MarkSentAsync(incident, body?.Jurisdiction, body?.Deadline ?? "regulator", body?.Phase ?? NotificationPhases.Initial,
            body?.SentAt ?? time.GetUtcNow(), body?.Reference, HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (record is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        await http.AuditAsync(BreachAudit.NotificationSent, BreachAudit.Target(id), $"{record.Key} {record.Phase}").ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/incidents/{id}/breach", record);
    }
}
