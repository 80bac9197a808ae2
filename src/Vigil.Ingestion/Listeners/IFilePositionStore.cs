namespace Vigil.Ingestion.Listeners;

/// <summary>Keeps <see cref="FilePosition"/>s across restarts, one per path.</summary>
/// <remarks>
/// <see cref="SaveAsync"/> must be durable when it completes (the tailer saves only after the sink accepted the
/// lines before the offset, so a lost save means lines delivered twice, never lost). Calls come from the tailer's
/// single poll loop. A failing <see cref="SaveAsync"/> is reported by the tailer and retried at its next poll; a failing
/// <see cref="GetAsync"/> ends <see cref="FileTailer.RunAsync"/> with the exception, since guessing a position would
/// read logs twice or skip them.
/// </remarks>
public interface IFilePositionStore
{
    /// <summary>The last saved position for <paramref name="path"/>, or null when none was saved.</summary>
    ValueTask<FilePosition?> GetAsync(string path, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="position"/>, replacing the one for the same path.</summary>
    ValueTask SaveAsync(FilePosition position, CancellationToken cancellationToken);
}
