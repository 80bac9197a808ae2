using System.CommandLine;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage;

namespace Vigil.Cli.Notify;

/// <summary>Opening the store, finding the incident, and the sealed breach documents the notify commands share.</summary>
internal static class NotifyStore
{
    public static async Task<(IVigilStore? Store, Incident? Incident)> OpenAsync(StoreAccess access, ParseResult parse, string command, string incident, CancellationToken ct)
    {
        var store = await access.OpenAsync(parse, command, ct).ConfigureAwait(false);
        if (store is null)
        {
            return (null, null);
        }

        var found = await IncidentCli.FindAsync(store, incident, command, ct).ConfigureAwait(false);
        if (found is null)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            return (null, null);
        }

        return (store, found);
    }

    public static async Task<BreachAssessment?> AssessmentAsync(IVigilStore store, Incident incident, string kind, string actor, string command, CancellationToken ct)
    {
        var bytes = await store.Incidents.GetSealedDocumentAsync(incident.Id, kind, actor, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            if (kind == BreachJson.AssessmentKind)
            {
                CommandLine.Fail(command, $"{incident.Reference}: not assessed yet (vigil notify assess {incident.Reference} --evidence-scan PATH)");
            }

            return null;
        }

        var assessment = BreachJson.ReadAssessment(bytes);
        if (assessment is null)
        {
            CommandLine.Fail(command, $"{incident.Reference}: the stored {kind} document is not readable");
        }

        return assessment;
    }

    public static Task PutAsync(IVigilStore store, Incident incident, BreachAssessment assessment, string kind, string actor, CancellationToken ct) =>
        store.Incidents.PutSealedDocumentAsync(incident.Id, kind, BreachJson.Write(assessment), actor, ct);

    public static string Template(string? given, string relative) => given ?? Path.Combine(AppContext.BaseDirectory, "templates", relative);
}
