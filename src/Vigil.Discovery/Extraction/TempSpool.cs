using System.IO.Compression;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// Decompresses a gzip file into a private temporary file (mode 0600, deleted on close, in
/// <see cref="ContentLimits.TempFolder"/>) so the mbox parser can work
/// persistently on a seekable stream; the file holds patient data for as long as it exists, so it never outlives the
/// read. Expansion beyond <see cref="ContentLimits.MaxZipExpansionRatio"/> stops the copy (suspected bomb).
/// </summary>
internal static class TempSpool
{
    public static FileStream Create(string? folder)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"vigil-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// The decompressed content, positioned at its start; <paramref name="problem"/> says why it may be incomplete
    /// (suspected bomb, or a corrupt or truncated gzip stream: what was decompressed before is kept).
    /// </summary>
    public static FileStream Gunzip(Stream gzip, ContentLimits limits, CancellationToken cancellationToken, out string? problem)
    {
        var limit = Math.Max(gzip.Length, 1) * limits.MaxZipExpansionRatio;
        var spool = Create(limits.TempFolder);
        try
        {
            using var inflate = new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[1 << 16];
            long total = 0;
            problem = null;
            while (Read(inflate, buffer, ref problem) is var read and > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var keep = (int)Math.Min(read, limit - total);
                spool.Write(buffer, 0, keep);
                total += keep;
                if (keep < read)
                {
                    problem = $"expands more than {limits.MaxZipExpansionRatio} times (suspected gzip bomb): only the start was read";
                    break;
                }
            }

            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static int Read(GZipStream inflate, byte[] buffer, ref string? problem)
    {
        try
        {
            return inflate.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException)
        {
            problem = "corrupt or truncated gzip data: only the start was read";
            return 0;
        }
    }
}
