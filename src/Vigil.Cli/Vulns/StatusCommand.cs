using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Store;

namespace Vigil.Cli.Vulns;

/// <summary>
/// <c>vigil vulns status</c>: every open finding with first-seen, due date, overdue and the exception covering it.
/// Overdue findings not yet alerted are raised now (a deadline can pass between scans).
/// </summary>
internal static class StatusCommand
{
    private const string Name = "vulns status";

    public static Command Create()
    {
        var store = new StoreAccess();
        var format = VulnsCommand.Format();
        var output = new Option<string?>("--output", "-o") { Description = "Write findings to this file instead of stdout." };
        var deadlines = new Option<string?>("--deadlines") { Description = "YAML file of deadline days (as for scan)." };
        var status = new Command("status", "Open findings with first-seen, due date, overdue and exceptions.") { format, output, deadlines };
        store.AddTo(status);
        status.SetAction(async (parse, ct) =>
        {
            var errors = new List<string>();
            if (VulnsSettings.LoadPolicy(parse.GetValue(deadlines), errors) is not { } policy)
            {
                return CommandLine.Fail(Name, errors[0]);
            }

            var opened = await store.OpenAsync(parse, Name, ct).ConfigureAwait(false);
            if (opened is null)
            {
                return VulnsCommand.Failed;
            }

            await using (opened.ConfigureAwait(false))
            {
                var workflow = new VulnsWorkflow(opened, TimeProvider.System, policy, VulnsSettings.Channels(parse.GetValue(store.Config)));
                var (open, raised) = await workflow.StatusAsync(ct).ConfigureAwait(false);
                await using (var stream = VulnsCommand.OpenOutput(Name, parse.GetValue(output)))
                {
                    if (stream is null)
                    {
                        return VulnsCommand.Failed;
                    }

                    FindingOutput.Write(parse.GetValue(format)!, open, stream);
                }

                var resolved = await opened.Vulnerabilities.ResolvedFindingsAsync(TimeProvider.System.GetUtcNow().AddDays(-90), ct).ConfigureAwait(false);
                var days = resolved.Count == 0 ? 0 : resolved.Average(r => (r.ResolvedAt!.Value - r.FirstSeen).TotalDays);
                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"vigil {Name}: {open.Count} open ({open.Count(s => s.Overdue)} overdue, {open.Count(s => s.Exemption is not null)} under exception), {raised} alerts raised; {resolved.Count} resolved in 90 days, mean time to remediate {days:0.0} days"));
            }

            return 0;
        });
        return status;
    }
}
