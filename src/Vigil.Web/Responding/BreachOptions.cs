namespace Vigil.Web.Responding;

/// <summary>Evidence and breach settings of the web app (<c>http:breach</c> in the configuration).</summary>
public sealed class BreachOptions
{
    /// <summary>The largest evidence file accepted by an upload, in bytes. Default 2 GiB.</summary>
    public long MaxEvidenceBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The templates folder (<c>regulator/notification.md</c>, <c>letters/patient-letter.md</c>); null: <c>templates</c> beside vigil.</summary>
    public string? Templates { get; set; }
}
