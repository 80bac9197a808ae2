namespace Vigil.Response.Tests.Breach;

/// <summary>A patient planted in the generated mailbox.</summary>
public sealed record PlantedPatient(string Name, string Nhs, string Dob, string Condition, string Email);
