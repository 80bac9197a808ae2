namespace Vigil.Response.Playbooks;

/// <summary>The YAML shape of a playbook file (see playbooks/*.yml).</summary>
internal sealed class PlaybookFile
{
    public string? Name { get; set; }

    public string? Id { get; set; }

    public string? Description { get; set; }

    public List<PlaybookGroupFile?>? Groups { get; set; }
}
