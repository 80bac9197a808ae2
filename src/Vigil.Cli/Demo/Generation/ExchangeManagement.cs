using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// The on-prem server's <c>MSExchange Management</c> event log (cmdlet log, event 1 of <c>MSExchange CmdletLogs</c>)
/// in the evtx JSON layout: the IT administrator's routine cmdlets, a nightly health check, and the attack's role
/// grant, mailbox exports (one written as a web shell) and export-request clean-up.
/// </summary>
/// <remarks>
/// EventData is unnamed <c>Data</c> items: cmdlet, parameters, caller, SIDs, connection, process (modelled on
/// public descriptions of the channel; no real sample was available).
/// </remarks>
internal static class ExchangeManagement
{
    public const string File = "exchange/msexchange-management.json";

    public static void Generate(World world, Random random, LogBook book)
    {
        var events = new List<(DateTime Time, string Cmdlet, string Parameters, string Caller, AttackStage Stage)>();
        var admin = world.Clinic.ByRole("IT administrator");
        var caller = $"sarniahealth.local/Users/{admin.Name}";
        var staff = world.Clinic.Staff;
        for (var d = 0; d < world.Days; d++)
        {
            var day = World.Day(d);
            events.Add((Ids.At(random, day, 2.0, 2.1), "Get-MailboxDatabaseCopyStatus", "-Server \"EXCH01\"", "NT AUTHORITY\\SYSTEM", AttackStage.Benign));
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var i = 0; i < 1 + random.Next(4); i++)
            {
                var who = staff[random.Next(staff.Count)];
                var (cmdlet, parameters) = random.Next(6) switch
                {
                    0 => ("Get-Mailbox", $"-Identity \"{who.Alias}\""),
                    1 => ("Set-Mailbox", $"-Identity \"{who.Alias}\" -ProhibitSendReceiveQuota \"10GB\""),
                    2 => ("Get-MessageTrackingLog", $"-Sender \"{who.Upn}\" -Start \"{day:MM/dd/yyyy}\""),
                    3 => ("Set-CASMailbox", $"-Identity \"{who.Alias}\" -ActiveSyncEnabled \"True\""),
                    4 => ("Add-MailboxPermission", $"-Identity \"reception\" -User \"{who.Alias}\" -AccessRights \"FullAccess\""),
                    _ => ("Get-MailboxStatistics", $"-Identity \"{who.Alias}\""),
                };
                events.Add((Ids.At(random, day, 8, 17), cmdlet, parameters, caller, AttackStage.Benign));
            }
        }

        Attack(world, random, events);
        events.Sort(static (a, b) => a.Time.CompareTo(b.Time));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            book.Add(File, static () => "", e.Time, Event(e.Time, i + 1, e.Cmdlet, e.Parameters, e.Caller), e.Stage);
        }
    }

    private static void Attack(World world, Random random, List<(DateTime, string, string, string, AttackStage)> events)
    {
        var plan = world.Attack;
        const string system = "NT AUTHORITY\\SYSTEM";
        var victims = plan.Victims.Select(v => world.Clinic.Staff[v].Alias).ToList();
        var t = plan.ExportStart;
        events.Add((t, "New-ManagementRoleAssignment", $"-Role \"Mailbox Import Export\" -User \"{victims[0]}\"", system, AttackStage.MailboxExport));
        t = t.AddSeconds(20 + random.Next(20));
        var shellPath = $"\\\\127.0.0.1\\C$\\inetpub\\wwwroot\\aspnet_client\\{plan.ShellName}";
        events.Add((t, "New-MailboxExportRequest", $"-Mailbox \"{victims[0]}\" -IncludeFolders \"#Drafts#\" -ContentFilter \"(Subject -eq '{Ids.Hex(random, 6)}')\" -ExcludeDumpster \"True\" -FilePath \"{shellPath}\"", system, AttackStage.MailboxExport));
        t = t.AddSeconds(60 + random.Next(60));
        events.Add((t, "Remove-MailboxExportRequest", $"-Identity \"{victims[0]}\\MailboxExport\" -Confirm \"False\"", system, AttackStage.MailboxExport));
        foreach (var victim in victims.Skip(1))
        {
            t = t.AddMinutes(10 + random.Next(10));
            events.Add((t, "New-MailboxExportRequest", $"-Mailbox \"{victim}\" -FilePath \"\\\\EXCH01\\C$\\Windows\\Temp\\{Ids.Hex(random, 6)}.pst\"", system, AttackStage.MailboxExport));
        }
    }

    private static string Event(DateTime time, long record, string cmdlet, string parameters, string caller) => JsonLine.Write(w =>
    {
        w.WriteStartObject("Event");
        w.WriteStartObject("#attributes");
        w.WriteString("xmlns", "http://schemas.microsoft.com/win/2004/08/events/event");
        w.WriteEndObject();
        w.WriteStartObject("System");
        w.WriteStartObject("Provider");
        w.WriteStartObject("#attributes");
        w.WriteString("Name", "MSExchange CmdletLogs");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("EventID");
        w.WriteStartObject("#attributes");
        w.WriteNumber("Qualifiers", 16388);
        w.WriteEndObject();
        w.WriteNumber("#text", 1);
        w.WriteEndObject();
        w.WriteNumber("Level", 4);
        w.WriteNumber("Task", 1);
        w.WriteString("Keywords", "0x80000000000000");
        w.WriteStartObject("TimeCreated");
        w.WriteStartObject("#attributes");
        w.WriteString("SystemTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteNumber("EventRecordID", record);
        w.WriteString("Channel", "MSExchange Management");
        w.WriteString("Computer", "EXCH01.sarniahealth.local");
        w.WriteNull("Security");
        w.WriteEndObject();
        w.WriteStartObject("EventData");
        w.WriteStartObject("Data");
        w.WriteStartArray("#text");
        foreach (var value in (string[])[cmdlet, parameters, caller, "S-1-5-18", "S-1-5-18", "Remote-PowerShell-Unknown", "4276 w3wp#MSExchangePowerShellAppPool", "", "", "0"])
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
