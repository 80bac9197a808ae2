using System.Collections.Frozen;

namespace Vigil.Storage.Events;

/// <summary>
/// Field names that stored events carry so often that the <c>fields</c> column writes them as a number (their index in
/// <see cref="Names"/>) instead of the text: a syslog row's names were about 180 of its 480 bytes of fields.
/// </summary>
/// <remarks>
/// <b>Append only.</b> Stored rows refer to names by position, so an entry may never be removed, renamed or moved; new
/// names go at the end (a test pins the hash of the entries already shipped). A name not listed is stored as text, as
/// before; so is every name of rows written before this list existed.
/// </remarks>
internal static class KnownFieldNames
{
    /// <summary>The names, by code.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        // 0: syslog (RFC 3164 and 5424)
        "message", "syslog.message", "syslog.priority", "syslog.facility", "syslog.severity", "syslog.version",
        "syslog.hostname", "syslog.appname", "syslog.procid", "syslog.msgid",

        // 10: shared authentication fields, Postfix, Dovecot
        "auth.outcome", "auth.user", "auth.client_ip",
        "postfix.process", "postfix.queue_id", "postfix.client_host", "postfix.client_ip", "postfix.sasl_method",
        "postfix.sasl_username", "postfix.from", "postfix.to", "postfix.status", "postfix.relay", "postfix.nrcpt",
        "postfix.action",
        "dovecot.service", "dovecot.action", "dovecot.user", "dovecot.method", "dovecot.rip", "dovecot.lip",
        "dovecot.session", "dovecot.attempts",

        // 33: Windows events (System elements and the most common EventData names)
        "EventID", "Channel", "Computer", "Provider_Name", "Provider_Guid", "TimeCreated_SystemTime",
        "Execution_ProcessID", "Execution_ThreadID", "EventRecordID", "Level", "Task", "Opcode", "Keywords", "Version",
        "Security_UserID", "Correlation_ActivityID", "Data", "Image", "CommandLine", "ParentImage",
        "ParentCommandLine", "ProcessId", "ParentProcessId", "ProcessGuid", "ParentProcessGuid", "User",
        "IntegrityLevel", "Hashes", "CurrentDirectory", "LogonId", "LogonGuid", "TargetFilename", "TargetObject",
        "Details", "EventType", "RuleName", "UtcTime", "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
        "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId", "LogonType",
        "IpAddress", "IpPort", "WorkstationName", "ProcessName", "Status", "SubStatus", "AuthenticationPackageName",
        "LogonProcessName", "ServiceName", "ObjectName",

        // 89: Microsoft 365 and Entra exports, IIS, generic JSON
        "CreationTime", "Operation", "Workload", "RecordType", "UserIds", "UserId", "ResultStatus", "ClientIP",
        "ObjectId", "OrganizationId", "Id", "AuditData", "createdDateTime", "userPrincipalName", "ipAddress",
        "appDisplayName", "clientAppUsed", "status.errorCode", "status.failureReason", "location.city",
        "location.countryOrRegion", "c-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "sc-status", "cs-user-agent",
        "s-ip", "s-port", "cs-username", "time-taken", "date", "time", "timestamp", "@timestamp", "host", "level",
        "user",
    ];

    private static readonly FrozenDictionary<string, int> Codes =
        Names.Select((name, code) => (name, code)).ToFrozenDictionary(p => p.name, p => p.code, StringComparer.Ordinal);

    /// <summary>The code of <paramref name="name"/>, or -1 when it is stored as text.</summary>
    public static int CodeOf(string name) => Codes.TryGetValue(name, out var code) ? code : -1;

    /// <summary>The name of <paramref name="code"/>; a code this version does not know reads as <c>#code</c>.</summary>
    public static string NameOf(int code) =>
        (uint)code < (uint)Names.Count ? Names[code] : "#" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
