namespace Vigil.Web;

/// <summary>The HTTP listener's settings.</summary>
public sealed class WebOptions
{
    /// <summary>Where to listen. Default <c>http://127.0.0.1:8514</c> (loopback only).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8514";

    /// <summary>Largest ingest request body. Default 16 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;
}
