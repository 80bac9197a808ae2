using System.Text.Json;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// The Microsoft 365 unified audit log as AuditData NDJSON: MailItemsAccessed at the rates Audit (Premium) records for
/// people reading their mail, now and then a benign inbox rule (newsletters to a folder; once, a forward to a
/// colleague before leave), and the attack's forwarding and hiding rules and bulk mail access.
/// </summary>
internal static class AuditLog
{
    public const string File = "m365/audit.ndjson";

    public static void Generate(World world, Random random, LogBook book)
    {
        var staff = world.Clinic.Staff;
        var organization = Ids.NewGuid(random);
        var context = new AuditContext(book, random, organization);
        var internalForwardDay = Math.Max(0, world.HolidayStart - 1);
        for (var d = 0; d < world.Days; d++)
        {
            var day = World.Day(d);
            for (var s = 0; s < staff.Count; s++)
            {
                if (d == internalForwardDay && s == world.Traveller)
                {
                    // Before the week in Malaga: a forward to a colleague (internal; what the rule's false positives note).
                    var colleague = staff[(s + 1) % staff.Count];
                    context.InboxRule(Ids.At(random, day, 15, 17), staff[s], world.Where(s, d) ?? staff[s].HomeIp, "While on leave", AttackStage.Benign,
                        ("ForwardTo", colleague.Upn), ("StopProcessingRules", "False"));
                }

                if (world.Where(s, d) is not { } place)
                {
                    continue;
                }

                var reads = place == Places.Office ? 3 + random.Next(6) : random.Next(3);
                for (var i = 0; i < reads; i++)
                {
                    context.MailItemsAccessed(Ids.At(random, day, 7.0, 18.0), staff[s], place, 1 + random.Next(12), AttackStage.Benign);
                }

                if (random.NextDouble() < 0.003)
                {
                    context.InboxRule(Ids.At(random, day, 8, 16), staff[s], place, "Newsletters", AttackStage.Benign,
                        ("SubjectContainsWords", "newsletter;webinar"), ("MoveToFolder", "Newsletters"), ("StopProcessingRules", "True"));
                }
            }
        }

        Attack(world, context, random);
    }

    private static void Attack(World world, AuditContext context, Random random)
    {
        var plan = world.Attack;
        var time = plan.ForwardingStart;
        foreach (var v in plan.Victims)
        {
            var victim = world.Clinic.Staff[v];
            context.InboxRule(time, victim, plan.SprayIp, ".", AttackStage.ForwardingRules,
                ("ForwardTo", plan.CollectAddress), ("MarkAsRead", "True"), ("DeleteMessage", "True"), ("StopProcessingRules", "True"));
            time = time.AddSeconds(40 + random.Next(40));
            context.InboxRule(time, victim, plan.SprayIp, "..", AttackStage.ForwardingRules,
                ("SubjectOrBodyContainsWords", "hacked;phishing;suspicious;password;compromised"), ("MoveToFolder", "RSS Subscriptions"), ("MarkAsRead", "True"));
            time = time.AddSeconds(30 + random.Next(60));
        }

        foreach (var v in plan.Victims)
        {
            var victim = world.Clinic.Staff[v];
            var at = plan.BulkAccessStart.AddSeconds(random.Next(120));
            for (var i = 0; i < 150 + random.Next(100); i++)
            {
                context.MailItemsAccessed(at, victim, plan.SprayIp, 10 + random.Next(40), AttackStage.BulkMailAccess, attacker: true);
                at = at.AddMilliseconds(4000 + random.Next(16000));
            }
        }
    }

    private sealed class AuditContext(LogBook book, Random random, Guid organization)
    {
        public void MailItemsAccessed(DateTime time, StaffMember who, Place where, int items, AttackStage stage, bool attacker = false) =>
            Add(time, stage, w =>
            {
                Common(w, time, "MailItemsAccessed", 50, "Succeeded", who, where, ":" + (49152 + random.Next(16000)));
                w.WriteString("AppId", attacker ? "d3590ed6-52b3-4102-aeff-aad2292ab01c" : "00000002-0000-0ff1-ce00-000000000000");
                w.WriteString("ClientIPAddress", where.Ip);
                w.WriteString("ClientInfoString", attacker ? "Client=REST;Client=RESTSystem;;" : "Client=OWA;Action=ViaProxy");
                w.WriteNumber("LogonType", 0);
                w.WriteString("MailboxGuid", who.ObjectId);
                w.WriteString("MailboxOwnerUPN", who.Upn);

                // Audit (Premium) aggregates the binds of a few minutes into one record: OperationCount says how many.
                w.WriteNumber("OperationCount", items);
                JsonLine.NameValues(w, "OperationProperties", ("MailAccessType", "Bind"), ("IsThrottled", "False"));
                w.WriteStartArray("Folders");
                w.WriteStartObject();
                w.WriteString("Id", Ids.Hex(random, 32));
                w.WriteString("Path", "\\Inbox");
                w.WriteStartArray("FolderItems");
                for (var i = 0; i < Math.Min(items, 5); i++)
                {
                    w.WriteStartObject();
                    w.WriteString("InternetMessageId", $"<{Ids.Hex(random, 24)}@{Clinic.Domain}>");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteNumber("OperationCount", items);
            });

        public void InboxRule(DateTime time, StaffMember who, Place where, string name, AttackStage stage, params (string Name, string Value)[] parameters) =>
            Add(time, stage, w =>
            {
                Common(w, time, "New-InboxRule", 1, "True", who, where, "");
                w.WriteString("ObjectId", $"EURPRD10.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/{Clinic.TenantDomain}/{who.Alias}\\{name}");
                w.WriteString("AppId", "");
                w.WriteBoolean("ExternalAccess", false);
                w.WriteString("OrganizationName", Clinic.TenantDomain);
                w.WriteString("OriginatingServer", "AM6PR10MB2375 (15.20.4415.022)");
                JsonLine.NameValues(w, "Parameters", [("AlwaysDeleteOutlookRulesBlob", "False"), ("Force", "False"), ("Name", name), .. parameters]);
                w.WriteString("SessionId", Ids.NewGuid(random).ToString());
            });

        private void Common(Utf8JsonWriter w, DateTime time, string operation, int recordType, string result, StaffMember who, Place where, string port)
        {
            w.WriteString("CreationTime", Ids.IsoNoZone(time));
            w.WriteString("Id", Ids.NewGuid(random));
            w.WriteString("Operation", operation);
            w.WriteString("OrganizationId", organization);
            w.WriteNumber("RecordType", recordType);
            w.WriteString("ResultStatus", result);
            w.WriteString("UserKey", who.ObjectId.ToString());
            w.WriteNumber("UserType", 0);
            w.WriteNumber("Version", 1);
            w.WriteString("Workload", "Exchange");
            w.WriteString("ClientIP", where.Ip + port);
            w.WriteString("UserId", who.Upn);
        }

        private void Add(DateTime time, AttackStage stage, Action<Utf8JsonWriter> body) =>
            book.Add(File, static () => "", time, JsonLine.Write(body), stage);
    }
}
