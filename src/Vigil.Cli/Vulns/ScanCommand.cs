using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Store;
using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Cli.Vulns;

/// <summary>
/// <c>vigil vulns scan</c>: matches inventories against the imported feeds (or <c>--feeds</c> files), keeps each
/// finding's first-seen date across scans, resolves what a scanned asset no longer has, raises overdue findings as
/// alerts once, and writes the open findings of the scanned assets.
/// </summary>
internal static class ScanCommand
{
    private const string Name = "vulns scan";

    public static Command Create()
    {
        var store = new StoreAccess();
        var inventory = new Option<string[]>("--inventory", "-i") { Description = "An inventory file (CycloneDX, SPDX, dpkg status, rpm -qa, osquery JSON, Vigil CSV). Repeatable.", Required = true };
        var feeds = new Option<string[]>("--feeds") { Description = "Feed files to use instead of the imported feeds. Repeatable." };
        var asOf = new Option<string?>("--as-of") { Description = "Scan as of this date or time (ISO 8601), e.g. to replay history. Default: now." };
        var format = VulnsCommand.Format();
        var output = new Option<string?>("--output", "-o") { Description = "Write findings to this file instead of stdout." };
        var deadlines = new Option<string?>("--deadlines") { Description = "YAML file of deadline days (exploitedDays, criticalDays, highDays, mediumDays, lowDays, unknownDays, useKevDueDate)." };
        var asset = new Option<string?>("--asset") { Description = "The asset name for every inventory given (default: the inventory's own subject, host or file name)." };
        var distro = new Option<string?>("--distro") { Description = "The OSV ecosystem of dpkg/rpm lists that do not say it, e.g. AlmaLinux:9 or Debian:12." };
        var scan = new Command("scan", "Match inventories against vulnerability feeds and track the findings.") { inventory, feeds, asOf, format, output, deadlines, asset, distro };
        store.AddTo(scan);
        scan.SetAction(async (parse, ct) =>
        {
            var started = TimeProvider.System.GetUtcNow();
            var now = started;
            if (parse.GetValue(asOf) is { } text && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out now))
            {
                return CommandLine.Fail(Name, $"--as-of: '{text}' is not a date");
            }

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
                var skipped = 0;
                FeedIndex index;
                ExchangeCatalog? exchange;
                var feedProblems = new List<FeedProblem>();
                if (parse.GetValue(feeds) is { Length: > 0 } feedPaths)
                {
                    var read = FeedReader.Read(feedPaths, ct);
                    var folders = ExchangeFeed.Folders(feedPaths);
                    feedProblems.AddRange(read.Problems.Where(p => !ExchangeFeed.Covers(folders, p)));
                    exchange = ExchangeFeed.Load(folders, feedProblems);
                    index = FeedIndex.Build(read);
                }
                else
                {
                    // The tables' own problems were reported when they were imported.
                    exchange = await ExchangeFeed.LoadAsync(opened, [], ct).ConfigureAwait(false);
                    (index, var unreadable) = await FeedStore.LoadAsync(opened, ct).ConfigureAwait(false);
                    if (unreadable > 0)
                    {
                        Console.Error.WriteLine($"vigil {Name}: {unreadable} stored feed rows could not be read; re-import the feeds");
                    }
                }

                skipped += InputProblems.Report(Name, feedProblems, p => $"{p.File}: {p.Item}: {p.Reason}");
                if (index.AdvisoryCount == 0 && index.NvdCount == 0 && exchange is null)
                {
                    Console.Error.WriteLine($"vigil {Name}: no vulnerability feeds: run 'vigil vulns feeds import PATH...' or pass --feeds");
                    return VulnsCommand.Failed;
                }

                var components = InventoryReader.Read(parse.GetValue(inventory)!, new InventoryOptions(parse.GetValue(asset), parse.GetValue(distro)), ct);
                skipped += InputProblems.Report(Name, components.Problems, p => $"{p.File}: {p.Item}: {p.Reason}");
                var match = new VulnerabilityMatcher(index, VersionSchemes.ForEcosystem, exchange).Match(components.Components);
                skipped += InputProblems.Report(Name, match.Problems, p => $"{p.Origin}: {p.Reason}");
                var assets = components.Components.Select(c => c.Asset).ToHashSet(StringComparer.Ordinal);
                var workflow = new VulnsWorkflow(opened, new FixedTime(now), policy, VulnsSettings.Channels(parse.GetValue(store.Config)));
                var (outcome, raised) = await workflow.ScanAsync(match, assets, skipped, started, ct).ConfigureAwait(false);
                await using (var stream = VulnsCommand.OpenOutput(Name, parse.GetValue(output)))
                {
                    if (stream is null)
                    {
                        return VulnsCommand.Failed;
                    }

                    FindingOutput.Write(parse.GetValue(format)!, outcome.Open, stream);
                }

                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"vigil {Name}: {assets.Count} assets, {match.Components} components, {outcome.Open.Count} open findings ({outcome.Open.Count(s => s.Overdue)} overdue), {outcome.Resolved.Count} resolved, {raised} alerts raised, {skipped} items skipped"));
                return skipped > 0 ? VulnsCommand.Skipped : 0;
            }
        });
        return scan;
    }
}
