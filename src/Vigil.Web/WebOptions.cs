using System.Net;
using Vigil.Web.Access;

namespace Vigil.Web;

/// <summary>The HTTP listener's settings.</summary>
public sealed class WebOptions
{
    /// <summary>Where to listen. Default <c>http://127.0.0.1:8514</c> (loopback only).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8514";

    /// <summary>Largest ingest request body. Default 16 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>PKCS#12 or PEM certificate (with its key) for an <c>https://</c> <see cref="Url"/>.</summary>
    public string? Certificate { get; set; }

    /// <summary>The certificate's password (set it through the environment, not in the file).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Allow plain HTTP on an address other than loopback (passwords and patient data cross the network in clear). Default false.</summary>
    public bool AllowRemoteHttp { get; set; }

    /// <summary>Sign-in, lockout and session settings.</summary>
    public AccessOptions Access { get; set; } = new();

    /// <summary>Data discovery: the folders PHI scans may read (<c>http:discovery:roots</c>) and the vocabulary.</summary>
    public Discovery.DiscoveryOptions Discovery { get; set; } = new();

    /// <summary>Evidence uploads and breach documents (<c>http:breach</c>).</summary>
    public Responding.BreachOptions Breach { get; set; } = new();

    /// <summary>Every problem, one line each naming the setting; empty when the settings can be used.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield break;
        }

        if (url.Scheme == "https" && string.IsNullOrEmpty(Certificate))
        {
            yield return "http:certificate: an https:// url needs a certificate";
        }
        else if (url.Scheme == "https" && !File.Exists(Certificate))
        {
            yield return $"http:certificate: {Certificate}: no such file";
        }

        if (url.Scheme == "http" && !AllowRemoteHttp && !IsLoopback(url.Host))
        {
            yield return $"http:url: plain http on {url.Host} would send passwords in clear; use https with http:certificate, or set http:allowRemoteHttp";
        }

        foreach (var problem in Access.Validate("http:access"))
        {
            yield return problem;
        }
    }

    private static bool IsLoopback(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
