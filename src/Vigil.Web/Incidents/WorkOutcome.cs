namespace Vigil.Web.Incidents;

/// <summary>See <see cref="WorkResult"/>.</summary>
internal enum WorkOutcome
{
    /// <summary>The change was made and audited.</summary>
    Done,

    /// <summary>No such incident (or task).</summary>
    NotFound,

    /// <summary>Bad input or a move the status does not allow.</summary>
    Refused,
}
