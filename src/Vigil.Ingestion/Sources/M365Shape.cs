using Vigil.Events;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>Recognises Microsoft 365 unified audit log records in any export shape and flattens them alike.</summary>
/// <remarks>
/// <para>
/// Shapes: a row whose <c>AuditData</c> is JSON text (Purview and <c>Search-UnifiedAuditLog | Export-Csv</c> CSV, or a
/// PowerShell JSON export where it stayed a string); a record whose <c>AuditData</c> is an object (PowerShell
/// <c>ConvertTo-Json</c>, flattened as <c>AuditData.*</c>); a bare AuditData record (NDJSON, as the Graph and
/// Management Activity APIs give it); a Sentinel <c>OfficeActivity</c> row.
/// </para>
/// <para>
/// The AuditData fields come out at top level under their own names (<c>Operation</c>, <c>UserId</c>,
/// <c>ClientIP</c>, <c>Parameters.Name</c>…), each array or object also as one field of JSON text under its own name
/// (<c>Parameters</c>), as Sigma's M365 rules and Sentinel expect. The export's own columns are kept when AuditData
/// has no field of that name (<c>UserIds</c>, <c>Operations</c>, <c>CreationDate</c>, <c>ResultIndex</c>…).
/// OfficeActivity's renamed columns get their AuditData names too (<c>Workload</c>, <c>ObjectId</c>,
/// <c>ClientIPAddress</c>, <c>LogonType</c>). Time: <c>CreationTime</c> (UTC), else the export's
/// <c>CreationDate</c>, <c>TimeGenerated [UTC]</c> or <c>Start_Time [UTC]</c>.
/// </para>
/// </remarks>
internal static class M365Shape
{
    private const string Prefix = "AuditData.";

    private static readonly int AuditDataId = FieldNames.Intern("AuditData");
    private static readonly int OperationId = FieldNames.Intern("Operation");
    private static readonly int RecordTypeId = FieldNames.Intern("RecordType");
    private static readonly int WorkloadId = FieldNames.Intern("Workload");
    private static readonly int OfficeWorkloadId = FieldNames.Intern("OfficeWorkload");
    private static readonly int UserIdsId = FieldNames.Intern("UserIds");
    private static readonly int OperationsId = FieldNames.Intern("Operations");

    private static readonly (string From, string To)[] OfficeActivityNames =
    [
        ("OfficeWorkload", "Workload"), ("OfficeObjectId", "ObjectId"), ("Client_IPAddress", "ClientIPAddress"), ("Logon_Type", "LogonType"),
    ];

    private static readonly string[] ExportTimes = ["CreationDate", "TimeGenerated [UTC]", "TimeGenerated", "Start_Time [UTC]"];

    /// <summary>Whether <paramref name="logEvent"/> is an audit record in one of the shapes.</summary>
    public static bool Matches(LogEvent logEvent) =>
        logEvent.Has(AuditDataId) || (logEvent.Has(OperationsId) && logEvent.Has(UserIdsId) && StartsWithPrefix(logEvent) >= 0)
        || (logEvent.Has(OperationId) && logEvent.Has(RecordTypeId) && (logEvent.Has(WorkloadId) || logEvent.Has(OfficeWorkloadId)));

    /// <summary>The record flattened as described; a new event unless it was already flat.</summary>
    public static LogEvent Shape(LogEvent logEvent)
    {
        var inner = Inner(logEvent);
        var result = new LogEvent(logEvent.Count + 8) { Source = logEvent.Source, Record = logEvent.Record };
        if (inner is null)
        {
            FlatEvents.AddWithContainers(result, logEvent);
        }
        else
        {
            FlatEvents.AddWithContainers(result, inner);
            foreach (var (name, value) in logEvent.Fields())
            {
                var id = FieldNames.Intern(name);
                if (id != AuditDataId && !name.StartsWith(Prefix, StringComparison.Ordinal) && !inner.Has(id))
                {
                    result.Add(id, value);
                }
            }
        }

        foreach (var (from, to) in OfficeActivityNames)
        {
            if (result.Get(from) is { } value && !result.Has(FieldNames.Intern(to)))
            {
                result.Add(to, value);
            }
        }

        result.SourceType = SourceTypes.M365Audit;
        result.Timestamp = EventTime.Find(result) ?? ExportTimeOf(result) ?? logEvent.Timestamp;
        return result;
    }

    // The AuditData record inside an export row, flattened; null when the event is the record itself.
    private static LogEvent? Inner(LogEvent logEvent)
    {
        var index = logEvent.IndexOf(AuditDataId);
        if (index >= 0)
        {
            return logEvent.ValueAt(index) is { } text && text.AsSpan().TrimStart().StartsWith('{') ? FlatEvents.Flatten(text) : null;
        }

        if (StartsWithPrefix(logEvent) < 0)
        {
            return null;
        }

        var inner = new LogEvent(logEvent.Count);
        foreach (var (name, value) in logEvent.Fields())
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                inner.Add(name[Prefix.Length..], value);
            }
        }

        return inner;
    }

    private static int StartsWithPrefix(LogEvent logEvent)
    {
        for (var i = 0; i < logEvent.Count; i++)
        {
            if (logEvent.NameAt(i).StartsWith(Prefix, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static DateTimeOffset? ExportTimeOf(LogEvent logEvent)
    {
        foreach (var name in ExportTimes)
        {
            if (ExportTime.TryParse(logEvent.Get(name), out var time))
            {
                return time;
            }
        }

        return null;
    }
}
