using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigil.Cli.Store;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Cli.Vulns;

/// <summary><c>vigil vulns feeds import PATH...</c>: reads OSV zips/folders, KEV, NVD and EPSS files into the store.</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var feeds = new Command("feeds", "Vulnerability feeds imported offline.");
        var store = new StoreAccess();
        var paths = new Argument<string[]>("PATH") { Description = "OSV zips or folders, CISA KEV JSON, NVD CVE 2.0 JSON, EPSS CSV.", Arity = ArgumentArity.OneOrMore };
        CommandLine.RejectOptionLikeValues(paths);
        var import = new Command("import", "Adds or replaces feed records in the store (by advisory id or CVE).") { paths };
        store.AddTo(import);
        import.SetAction(async (parse, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var read = FeedReader.Read(parse.GetValue(paths)!, ct);
            var exchange = ExchangeFeed.Folders(parse.GetValue(paths)!);
            var problems = read.Problems.Where(p => !ExchangeFeed.Covers(exchange, p)).ToList();
            _ = ExchangeFeed.Load(exchange, problems);
            var skipped = InputProblems.Report("vulns feeds import", problems, p => $"{p.File}: {p.Item}: {p.Reason}");
            var opened = await store.OpenAsync(parse, "vulns feeds import", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return VulnsCommand.Failed;
            }

            await using (opened.ConfigureAwait(false))
            {
                var written = await FeedStore.ImportAsync(opened, read, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                foreach (var folder in exchange)
                {
                    written += await ExchangeFeed.ImportAsync(opened, folder, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                }

                var counts = await opened.Vulnerabilities.CountFeedsAsync(ct).ConfigureAwait(false);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"imported {read.Advisories.Count} advisories, {read.Kev.Count} KEV entries, {read.Epss.Count} EPSS scores, {read.Nvd.Count} NVD records ({written} rows) in {watch.Elapsed.TotalSeconds:0.0} s; skipped {skipped}"));
                Console.WriteLine("stored: " + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
            }

            return skipped > 0 ? VulnsCommand.Skipped : 0;
        });
        feeds.Subcommands.Add(import);
        return feeds;
    }
}
