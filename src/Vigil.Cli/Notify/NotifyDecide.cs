using System.CommandLine;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Storage.Breach;

namespace Vigil.Cli.Notify;

/// <summary><c>vigil notify decide INCIDENT --regulator yes|no --individuals yes|no --reason TEXT --by USER</c>.</summary>
internal static class NotifyDecide
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var incident = new Argument<string>("incident") { Description = "The incident: reference or id." };
        var regulator = new Option<string>("--regulator") { Description = "Notify the regulator: yes or no.", Required = true };
        regulator.AcceptOnlyFromAmong("yes", "no");
        var individuals = new Option<string>("--individuals") { Description = "Notify the individuals: yes or no.", Required = true };
        individuals.AcceptOnlyFromAmong("yes", "no");
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the register; no patient data).", Required = true };
        var by = new Option<string>("--by") { Description = "Who decides.", Required = true };
        var command = new Command("decide", "Record the decisions to notify, with their reasons.") { incident, regulator, individuals, reason, by };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var actor = parse.GetValue(by)!;
            if (string.IsNullOrWhiteSpace(parse.GetValue(reason)) || string.IsNullOrWhiteSpace(actor))
            {
                return CommandLine.Fail("notify decide", "--reason and --by must not be empty");
            }

            var (store, found) = await NotifyStore.OpenAsync(access, parse, "notify decide", parse.GetValue(incident)!, ct).ConfigureAwait(false);
            if (store is null || found is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                if (await NotifyStore.AssessmentAsync(store, found, BreachJson.AssessmentKind, actor, "notify decide", ct).ConfigureAwait(false) is null)
                {
                    return 1;
                }

                var decided = (await BreachDocuments.DecideAsync(store.Incidents, found, parse.GetValue(regulator) == "yes", parse.GetValue(individuals) == "yes", parse.GetValue(reason)!, actor, TimeProvider.System, ct).ConfigureAwait(false))!;
                foreach (var (what, d) in new[] { ("regulator", decided.RegulatorDecision!), ("individuals", decided.IndividualsDecision!) })
                {
                    Console.WriteLine($"{what}: {(d.Notify ? "notify" : "do not notify")}{(d.AgreesWithAssessment ? "" : " (differs from the assessment: the reason is recorded)")}");
                }

                return 0;
            }
        });
        return command;
    }
}
