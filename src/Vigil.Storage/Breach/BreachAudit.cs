using System.Globalization;

namespace Vigil.Storage.Breach;

/// <summary>Audit actions of evidence and breach work (targets <c>incident:ID</c>; details hold counts and ids, never patient data).</summary>
public static class BreachAudit
{
    /// <summary>Evidence was uploaded.</summary>
    public const string EvidenceAdded = "evidence-added";

    /// <summary>Evidence was downloaded (also in the custody log as <c>export</c>).</summary>
    public const string EvidenceExported = "evidence-exported";

    /// <summary>Evidence was handed to someone (also in the custody log as <c>transfer</c>).</summary>
    public const string EvidenceTransferred = "evidence-transferred";

    /// <summary>The evidence and custody log were verified.</summary>
    public const string EvidenceVerified = "evidence-verified";

    /// <summary>The breach was scoped from evidence or a discovery scan.</summary>
    public const string Assessed = "breach-assessed";

    /// <summary>The breach facts were changed and the breach assessed again (details name the changed fields, never their text).</summary>
    public const string FactsChanged = "breach-facts-changed";

    /// <summary>A person recorded the likelihood and severity.</summary>
    public const string RiskRecorded = "breach-risk-recorded";

    /// <summary>The decisions to notify were recorded.</summary>
    public const string Decided = "breach-decided";

    /// <summary>A notification was recorded as sent (a deadline met).</summary>
    public const string NotificationSent = "breach-notification-sent";

    /// <summary>A regulator draft was generated.</summary>
    public const string DraftGenerated = "breach-draft-generated";

    /// <summary>Letters to individuals were generated (they hold patient details).</summary>
    public const string LettersGenerated = "breach-letters-generated";

    /// <summary>The breach register was exported.</summary>
    public const string RegisterExported = "breach-register-exported";

    /// <summary>The audit target of an incident.</summary>
    public static string Target(long incidentId) => "incident:" + incidentId.ToString(CultureInfo.InvariantCulture);
}
