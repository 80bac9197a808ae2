using Vigil.Response.Incidents;

namespace Vigil.Response.Playbooks;

/// <summary>A response playbook: groups of steps that become an incident's tasks.</summary>
/// <param name="Id">Its id (the file name without <c>.yml</c>).</param>
/// <param name="Name">Its name (<c>Compromised mailbox</c>).</param>
/// <param name="Description">What it is for.</param>
/// <param name="Steps">Its steps in order.</param>
public sealed record Playbook(string Id, string Name, string Description, IReadOnlyList<PlaybookStep> Steps)
{
    /// <summary>The tasks applying the playbook makes.</summary>
    public IReadOnlyList<NewIncidentTask> ToTasks() => [.. Steps.Select(s => new NewIncidentTask(s.Title, s.Group, s.Source))];

    /// <summary>Whether <paramref name="nameOrId"/> names this playbook (id or name, case-insensitive).</summary>
    public bool IsNamed(string nameOrId)
        => string.Equals(Id, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(Name, nameOrId, StringComparison.OrdinalIgnoreCase);
}
