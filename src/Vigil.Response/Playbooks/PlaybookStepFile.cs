namespace Vigil.Response.Playbooks;

/// <summary>The YAML shape of a step.</summary>
internal sealed class PlaybookStepFile
{
    public string? Title { get; set; }

    public string? Source { get; set; }
}
