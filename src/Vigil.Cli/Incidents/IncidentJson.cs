using System.Text.Json.Nodes;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;

namespace Vigil.Cli.Incidents;

/// <summary>Incidents and their parts as JSON.</summary>
internal static class IncidentJson
{
    public static JsonObject Incident(Incident i) => new()
    {
        ["id"] = i.Id,
        ["reference"] = i.Reference,
        ["title"] = i.Title,
        ["severity"] = i.Severity,
        ["status"] = i.Status.ToString(),
        ["owner"] = i.Owner,
        ["opened_at"] = i.OpenedAt,
        ["aware_at"] = i.AwareAt,
        ["jurisdictions"] = new JsonArray([.. i.Jurisdictions.Select(j => (JsonNode)j)]),
        ["playbook"] = i.Playbook,
    };

    public static JsonObject Clock(Clock c) => new()
    {
        ["jurisdiction"] = c.Jurisdiction,
        ["deadline"] = c.Rule.Id,
        ["recipient"] = c.Rule.Recipient,
        ["citation"] = c.Rule.Citation,
        ["due"] = c.Due,
        ["remaining_seconds"] = (long)c.Remaining.TotalSeconds,
        ["overdue"] = c.Overdue,
        ["assumed_500_or_more"] = c.AssumedLarge,
    };

    public static JsonObject Task(IncidentTask t) => new()
    {
        ["number"] = t.Number,
        ["group"] = t.Group,
        ["title"] = t.Title,
        ["source"] = t.Source,
        ["assignee"] = t.Assignee,
        ["done_by"] = t.DoneBy,
        ["done_at"] = t.DoneAt,
    };

    public static JsonObject Entry(TimelineEntry e) => new() { ["at"] = e.At, ["source"] = e.Source, ["text"] = e.Text, ["added_by"] = e.AddedBy };

    public static JsonObject Observable(Observable o) => new() { ["kind"] = o.Kind, ["value"] = o.Value, ["source"] = o.Source };

    public static JsonObject Comment(IncidentComment c) => new() { ["at"] = c.At, ["author"] = c.Author, ["text"] = c.Text };
}
