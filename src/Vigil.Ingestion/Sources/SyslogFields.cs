using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>The field names of parsed syslog messages, interned once.</summary>
internal static class SyslogFields
{
    /// <summary>The problem kind of a message that is not syslog or breaks its grammar.</summary>
    public const string InvalidSyslog = "invalid-syslog";

    public static readonly int Priority = FieldNames.Intern("syslog.priority");
    public static readonly int Facility = FieldNames.Intern("syslog.facility");
    public static readonly int Severity = FieldNames.Intern("syslog.severity");
    public static readonly int Version = FieldNames.Intern("syslog.version");
    public static readonly int Hostname = FieldNames.Intern("syslog.hostname");
    public static readonly int AppName = FieldNames.Intern("syslog.appname");
    public static readonly int ProcId = FieldNames.Intern("syslog.procid");
    public static readonly int MsgId = FieldNames.Intern("syslog.msgid");
    public static readonly int Message = FieldNames.Intern("message");
    public static readonly int SyslogMessage = FieldNames.Intern("syslog.message");

    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp",
        "security", "console", "clock", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    private static readonly string[] Numbers = [.. Enumerable.Range(0, 192).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Adds the priority, facility and severity fields of <paramref name="priority"/> (0 to 191).</summary>
    public static void AddPriority(LogEvent logEvent, int priority)
    {
        logEvent.Add(Priority, Numbers[priority]);
        logEvent.Add(Facility, Facilities[priority >> 3]);
        logEvent.Add(Severity, Severities[priority & 7]);
    }
}
