using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Storage;
using Vigil.Storage.Discovery;

namespace Vigil.Web.Discovery;

/// <summary>
/// Runs PHI scans on the server as background jobs (one at a time) and reads single items again for reveals. Values
/// live only in this process's memory while a scan links subjects; the store receives masked values and offsets.
/// Logs carry scan ids and counts only.
/// </summary>
internal sealed partial class DiscoveryScans(IVigilStore store, DiscoveryOptions options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DiscoveryScans> log)
{
    private readonly ConcurrentDictionary<long, ScanProgress> _running = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lazy<PhiVocabulary> _vocabulary = new(() => LoadVocabulary(options, log));

    public DiscoveryPaths Paths { get; } = new(options);

    /// <summary>The vocabulary scans use (loaded once); the breach page scans with it too.</summary>
    public PhiVocabulary Vocabulary => _vocabulary.Value;

    /// <summary>The progress of a scan running in this process, or null.</summary>
    public ScanProgress? Progress(long scanId) => _running.GetValueOrDefault(scanId);

    /// <summary>The status to show: a scan stored as running that no job of this process runs was interrupted by a restart.</summary>
    public string StatusOf(PhiScanRecord scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Status == PhiScanStatus.Running && !_running.ContainsKey(scan.Id) ? PhiScanStatus.Interrupted : scan.Status;
    }

    /// <summary>Starts a scan of <paramref name="requested"/> (under an allowed root); the id, or why it was refused.</summary>
    public async Task<(long? Id, string? Error)> StartAsync(string? requested, string actor, CancellationToken cancellationToken)
    {
        var path = Paths.Resolve(requested, out var error);
        if (path is null)
        {
            return (null, error);
        }

        if (!await _one.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return (null, "a scan is already running: wait for it to finish");
        }

        try
        {
            var id = await store.PhiScans.StartAsync(path, actor, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var progress = new ScanProgress();
            _running[id] = progress;
            _ = Task.Run(() => RunAsync(id, path, progress), CancellationToken.None);
            return (id, null);
        }
        catch
        {
            _one.Release();
            throw;
        }
    }

    private async Task RunAsync(long id, string path, ScanProgress progress)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            log.LogInformation("phi scan {ScanId} started", id);
            var result = await ScanAsync(id, path, progress, stopping).ConfigureAwait(false);
            await store.PhiScans.CompleteAsync(id, result, CancellationToken.None).ConfigureAwait(false);
            log.LogInformation("phi scan {ScanId} {Status}: {Items} items, {WithFindings} with findings, {Problems} problems", id, result.Status, result.Items, result.ItemRows.Count, result.Problems);
        }
        catch (OperationCanceledException)
        {
            await EndAsync(id, PhiScanStatus.Interrupted, "the server stopped during the scan").ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError("phi scan {ScanId} failed: {Error}", id, e.GetType().Name);
            await EndAsync(id, PhiScanStatus.Failed, $"the scan stopped ({e.GetType().Name})").ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(id, out _);
            _one.Release();
            progress.Completion.TrySetResult();
        }
    }

    private async Task EndAsync(long id, string status, string reason)
    {
        try
        {
            await store.PhiScans.FailAsync(id, status, reason, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError("phi scan {ScanId}: could not record its end ({Error})", id, e.GetType().Name);
        }
    }

    private PhiScanner NewScanner() => new(_vocabulary.Value, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true, Parallelism = Math.Max(1, options.Parallelism) });

    private static PhiVocabulary LoadVocabulary(DiscoveryOptions options, ILogger log)
    {
        var folder = options.Vocabulary ?? Environment.GetEnvironmentVariable("VIGIL_PHI_VOCABULARY");
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            log.LogWarning("data discovery: no vocabulary folder (http:discovery:vocabulary): names, ICD-10 titles and medicines from lists are not recognised");
            return PhiVocabulary.Empty;
        }

        return PhiVocabulary.Load(folder, p => log.LogWarning("data discovery vocabulary: {Problem}", p));
    }

    private static string KindName(ScanItemKind kind) => kind == ScanItemKind.Message ? "message" : "document";

    private static string CategoryName(PhiCategory category) => category.ToString().ToLowerInvariant();

    private static PhiFindingRecord Masked(Finding f)
        => new(f.Type, CategoryName(f.Category), PartNames.Show(f.Part, reveal: false), f.Masked, f.Position.Start, f.Position.Length, f.Confidence);
}
