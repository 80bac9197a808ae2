namespace Vigil.Web.Discovery;

/// <summary>How far a running scan has got, read by the pages while the job runs.</summary>
internal sealed class ScanProgress
{
    private long _items;
    private long _problems;

    public long Items => Interlocked.Read(ref _items);

    public long Problems => Interlocked.Read(ref _problems);

    public Task Done => Completion.Task;

    internal TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Item() => Interlocked.Increment(ref _items);

    public void Problem() => Interlocked.Increment(ref _problems);
}
