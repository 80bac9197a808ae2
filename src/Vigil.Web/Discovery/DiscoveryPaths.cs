namespace Vigil.Web.Discovery;

/// <summary>
/// Resolves a path asked for by a person to a file or folder under one of <see cref="DiscoveryOptions.Roots"/>, or the
/// reason it is refused: no <c>..</c> segment, no path outside a root, nothing reached through a symbolic link that
/// leaves the roots. A relative path is taken under the first root.
/// </summary>
internal sealed class DiscoveryPaths(DiscoveryOptions options)
{
    public IReadOnlyList<string> Roots { get; } = [.. options.Roots.Where(static r => !string.IsNullOrWhiteSpace(r)).Select(static r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))];

    /// <summary>The full path, or null with <paramref name="error"/> saying why (never echoing more than the path asked for).</summary>
    public string? Resolve(string? requested, out string? error)
    {
        error = null;
        if (Roots.Count == 0)
        {
            error = "no folder is allowed for scans: set http:discovery:roots";
            return null;
        }

        if (string.IsNullOrWhiteSpace(requested) || requested.Length > 4096 || requested.Contains('\0', StringComparison.Ordinal))
        {
            error = "path: give a file or folder under an allowed folder";
            return null;
        }

        var segments = requested.Split('/', '\\');
        if (segments.Any(static s => s == ".."))
        {
            error = "path: '..' is not allowed";
            return null;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.IsPathRooted(requested) ? requested : Path.Combine(Roots[0], requested)));
        if (!IsUnderRoot(full))
        {
            error = "path: not under an allowed folder";
            return null;
        }

        if (!File.Exists(full) && !Directory.Exists(full))
        {
            error = "path: no such file or folder";
            return null;
        }

        var target = new FileInfo(full).LinkTarget is not null ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : full;
        if (target is null || !IsUnderRoot(Path.TrimEndingDirectorySeparator(Path.GetFullPath(target))))
        {
            error = "path: a link that leaves the allowed folders";
            return null;
        }

        return full;
    }

    /// <summary>Whether <paramref name="fullPath"/> is a root or inside one.</summary>
    public bool IsUnderRoot(string fullPath)
        => Roots.Any(r => string.Equals(fullPath, r, StringComparison.Ordinal)
            || fullPath.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
