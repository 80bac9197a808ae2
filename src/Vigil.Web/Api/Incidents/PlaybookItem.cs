namespace Vigil.Web.Api.Incidents;

/// <summary>A playbook that can be chosen when opening an incident.</summary>
internal sealed record PlaybookItem(string Id, string Name, string Description, int Steps);
