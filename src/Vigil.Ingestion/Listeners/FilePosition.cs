namespace Vigil.Ingestion.Listeners;

/// <summary>How far the file tailer has delivered one file.</summary>
/// <param name="Path">The full path the file had when the position was saved.</param>
/// <param name="FileId">
/// The file's identity, <c>device:inode</c> on Linux, so a new file at the same path (rotation) is not taken for the
/// old one. Empty where the platform gives no identity; then only truncation is detected.
/// </param>
/// <param name="Offset">Byte offset just after the last line the sink accepted; always at a line start.</param>
public sealed record FilePosition(string Path, string FileId, long Offset);
