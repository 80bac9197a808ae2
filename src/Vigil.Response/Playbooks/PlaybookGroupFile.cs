namespace Vigil.Response.Playbooks;

/// <summary>The YAML shape of a step group.</summary>
internal sealed class PlaybookGroupFile
{
    public string? Name { get; set; }

    public List<PlaybookStepFile?>? Steps { get; set; }
}
