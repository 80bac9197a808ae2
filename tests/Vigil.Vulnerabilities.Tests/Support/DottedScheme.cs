using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Support;

/// <summary>A test scheme for synthetic advisories: dot-separated non-negative integers (the real schemes are tested with their vectors).</summary>
internal sealed class DottedScheme : IVersionScheme
{
    public static readonly DottedScheme Instance = new();

    public string Name => "dotted";

    public bool IsValid(string version, out string? reason)
    {
        reason = version.Split('.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) ? null : "not dotted digits";
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length && long.TryParse(a[i], out var p) ? p : 0;
            var y = i < b.Length && long.TryParse(b[i], out var q) ? q : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    /// <summary>Knows the ecosystems the synthetic tests use.</summary>
    public static IVersionScheme? For(string ecosystem) => ecosystem is "Debian" or "npm" or "AlmaLinux" ? Instance : null;
}
