using System.Diagnostics;
using Spectre.Console;
using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>
/// One scan: read every input, recognise, write the report. Nothing written to stderr carries a value: item ids,
/// part names without file names, counts and reasons only.
/// </summary>
internal sealed class ScanPhiRun(ScanPhiSettings settings)
{
    /// <summary>Exit code when the scan finished but some inputs or parts could not be read (listed on stderr).</summary>
    public const int IncompleteScan = 1;

    private readonly IAnsiConsole _stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public int Execute()
    {
        foreach (var path in settings.Inputs.Append(settings.Vocabulary).OfType<string>())
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return CommandLine.Fail("scan-phi", $"{path}: no such file or folder");
            }
        }

        var wordLists = new List<PhiWordList>();
        foreach (var value in settings.WordLists ?? [])
        {
            if (PhiWordList.Parse(value, out var reason) is not { } list)
            {
                return CommandLine.Fail("scan-phi", $"--word-list: {reason}");
            }

            if (!File.Exists(list.Path))
            {
                return CommandLine.Fail("scan-phi", $"{list.Path}: no such file");
            }

            wordLists.Add(list);
        }

        var format = settings.ResolvedFormat;
        var linking = settings.Subjects || format == "html";
        var vocabulary = LoadVocabulary(wordLists);
        if (settings.Reveal)
        {
            Console.Error.WriteLine("vigil scan-phi: --reveal: values are shown in full; the report holds personal data.");
        }

        Stream stream;
        try
        {
            stream = settings.Output is null ? Console.OpenStandardOutput() : File.Create(settings.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandLine.Fail("scan-phi", $"{settings.Output}: cannot write ({e.GetType().Name})");
        }

        var summary = new ScanSummary();
        var linker = linking ? new SubjectLinker() : null;
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        IReadOnlyList<DataSubject>? subjects = null;
        using (var writer = PhiReportWriter.Create(format, stream, settings.Reveal, settings.Output is null && !Console.IsOutputRedirected))
        using (var scanner = new PhiScanner(vocabulary, settings.RecogniserOptions, new PhiScannerOptions { KeepValues = settings.Reveal || linking }))
        {
            var items = new ContentReader(ContentLimits.Default).Read(settings.Inputs, p => Problem(summary, p), cancel.Token);
            void ScanAll(Action<long>? progress)
            {
                foreach (var item in scanner.Scan(items, cancel.Token))
                {
                    summary.Add(item);
                    foreach (var problem in item.Problems)
                    {
                        Problem(summary, problem);
                    }

                    if (linker is not null)
                    {
                        linker.Add(item);
                    }

                    if (!settings.Subjects && item.Findings.Count > 0)
                    {
                        writer.Write(item);
                    }

                    if (summary.Items % 256 == 0)
                    {
                        progress?.Invoke(summary.Items);
                    }
                }
            }

            try
            {
                if (settings.Progress && !Console.IsErrorRedirected)
                {
                    _stderr.Status().Start("scanning", ctx => ScanAll(n => ctx.Status($"scanning: {n:N0} items")));
                }
                else
                {
                    ScanAll(null);
                }
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"vigil scan-phi: cancelled after {summary.Items:N0} items; the report covers those only.");
            }

            subjects = linker?.Build(settings.Reveal);
            writer.End(summary, settings.Subjects || format == "html" ? subjects : null);
        }

        ScanPhiSummary.Print(_stderr, summary, subjects, clock.Elapsed);
        return summary.ProblemCount > 0 || cancel.IsCancellationRequested ? IncompleteScan : 0;
    }

    private PhiVocabulary LoadVocabulary(IReadOnlyList<PhiWordList> wordLists)
    {
        var folder = PhiVocabularyFolder.Find(settings.Vocabulary);
        if (folder is null)
        {
            Console.Error.WriteLine("vigil scan-phi: no vocabulary folder (--vocabulary or VIGIL_PHI_VOCABULARY): first names, ICD-10 titles and medicines from lists are not recognised.");
            if (wordLists.Count == 0)
            {
                return PhiVocabulary.Empty;
            }
        }

        return PhiVocabulary.Load(folder, wordLists, static p => Console.Error.WriteLine($"vocabulary: {p}"));
    }

    private void Problem(ScanSummary summary, ScanProblem problem)
    {
        lock (summary)
        {
            summary.AddProblem(problem);
        }

        var part = problem.Part is null ? "" : $" [{PartNames.Show(problem.Part, reveal: false)}]";
        Console.Error.WriteLine($"input: {problem.Location}{part}: {problem.Reason}");
    }
}
