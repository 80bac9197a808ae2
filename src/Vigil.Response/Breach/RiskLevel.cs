namespace Vigil.Response.Breach;

/// <summary>The risk to people's rights and freedoms, as the breach-notification laws test it.</summary>
public enum RiskLevel
{
    /// <summary>Unlikely to result in a risk (GDPR Art. 33(1) exemption; Guernsey s.42(5)).</summary>
    Unlikely,

    /// <summary>A risk: the regulator is told.</summary>
    Risk,

    /// <summary>A high risk: the people are told too (GDPR Art. 34(1)).</summary>
    High,
}
