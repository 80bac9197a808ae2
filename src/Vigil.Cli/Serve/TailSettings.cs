namespace Vigil.Cli.Serve;

/// <summary>A file or glob to follow.</summary>
internal sealed class TailSettings
{
    /// <summary>A file path or a glob in its last segment (<c>/var/log/mail*.log</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary>The kind of log when its content does not tell (postfix, iis, m365.audit...), or empty to recognise it.</summary>
    public string SourceType { get; set; } = "";
}
