namespace Vigil.Response.Playbooks;

/// <summary>The playbooks that loaded and the errors (file, step, reason) of those that did not.</summary>
/// <param name="Playbooks">Valid playbooks, by id.</param>
/// <param name="Errors">One line per problem, naming the file and the step.</param>
public sealed record PlaybookLoadResult(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<string> Errors)
{
    /// <summary>The playbook with this id or name, or null.</summary>
    public Playbook? Find(string nameOrId) => Playbooks.FirstOrDefault(p => p.IsNamed(nameOrId));
}
