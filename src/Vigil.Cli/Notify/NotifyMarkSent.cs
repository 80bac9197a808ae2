using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Storage.Audit;
using Vigil.Storage.Breach;

namespace Vigil.Cli.Notify;

/// <summary>
/// <c>vigil notify mark-sent INCIDENT --jurisdiction J --deadline D [--phase P] [--at TIME] [--reference REF] [--by USER]</c>:
/// records that a notification was sent, so the deadline counts as met and its reminders stop. Audited.
/// </summary>
internal static class NotifyMarkSent
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var incident = new Argument<string>("incident") { Description = "The incident: reference or id." };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "uk-gdpr, eu-gdpr, gg-dpl, je-dpjl, us-hipaa or nhs-dspt.", Required = true };
        var deadline = new Option<string>("--deadline") { Description = "regulator (default), individuals, hhs, media, hhs-annual, dspt.", DefaultValueFactory = static _ => "regulator" };
        var phase = new Option<string>("--phase") { Description = "initial (meets the deadline), follow-up or final.", DefaultValueFactory = static _ => NotificationPhases.Initial };
        phase.AcceptOnlyFromAmong([.. NotificationPhases.All]);
        var at = new Option<string?>("--at") { Description = "When it was sent (ISO 8601 or an age such as 2h). Default: now." };
        var reference = new Option<string?>("--reference") { Description = "The recipient's case reference." };
        var by = new Option<string?>("--by") { Description = "Who records it. Default: the OS user." };
        var command = new Command("mark-sent", "Record a notification as sent: its deadline is met and its reminders stop.") { incident, jurisdiction, deadline, phase, at, reference, by };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var sentAt = now;
            if (parse.GetValue(at) is { } given && !TimeArgument.TryParse(given, now, out sentAt))
            {
                return CommandLine.Fail("notify mark-sent", $"--at: '{given}' is not a time");
            }

            if (sentAt > now.AddMinutes(5))
            {
                return CommandLine.Fail("notify mark-sent", "--at: a notification cannot be sent in the future");
            }

            if (!NotificationTargets.IsKnown(parse.GetValue(jurisdiction), parse.GetValue(deadline), out var reason))
            {
                return CommandLine.Fail("notify mark-sent", reason!);
            }

            var (store, found) = await NotifyStore.OpenAsync(access, parse, "notify mark-sent", parse.GetValue(incident)!, ct).ConfigureAwait(false);
            if (store is null || found is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                var actor = "cli:" + IncidentCli.ActingAs(parse.GetValue(by));
                var record = (await store.BreachNotifications.RecordAsync(found.Id, new NewNotificationRecord(parse.GetValue(jurisdiction)!, parse.GetValue(deadline)!, parse.GetValue(phase)!, sentAt, parse.GetValue(reference)), actor, ct).ConfigureAwait(false))!;
                await store.Audit.AppendAsync(new AuditEntry(actor, BreachAudit.NotificationSent, BreachAudit.Target(found.Id), null, $"{record.Key} {record.Phase}"), ct).ConfigureAwait(false);
                await store.Incidents.AddTimelineEntryAsync(found.Id, sentAt, "notify", $"{record.Key} notified ({record.Phase}), recorded by {actor}", actor, ct).ConfigureAwait(false);
                Console.WriteLine($"{found.Reference}: {record.Key} {record.Phase} sent {sentAt.ToString("u", CultureInfo.InvariantCulture)}: deadline met, its reminders stop");
                return 0;
            }
        });
        return command;
    }
}
