namespace Vigil.Response.Incidents;

/// <summary>Where an incident is in its life (NIST SP 800-61 phases, as TheHive and DFIR-IRIS name them).</summary>
public enum IncidentStatus
{
    /// <summary>Opened, not yet looked at.</summary>
    New,

    /// <summary>Someone is establishing what happened.</summary>
    Investigating,

    /// <summary>The attacker's access is stopped.</summary>
    Contained,

    /// <summary>Persistence and the cause are removed.</summary>
    Eradicated,

    /// <summary>Normal service is back.</summary>
    Recovered,

    /// <summary>Finished, lessons recorded.</summary>
    Closed,
}
