namespace Vigil.Response.Documents;

/// <summary>Which report to the regulator this is: GDPR Art. 33(4) allows information in phases.</summary>
public enum NotificationPhase
{
    /// <summary>The first report, within the deadline, with what is known.</summary>
    Initial,

    /// <summary>A later report: what changed since the initial one.</summary>
    FollowUp,

    /// <summary>The closing report: what changed since the initial one, and the outcome.</summary>
    Final,
}
