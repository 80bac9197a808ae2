namespace Vigil.Response.Breach;

/// <summary>How bad the adverse effect on people would be (the NHS DSPT guide's 5-point scale).</summary>
public enum Severity
{
    /// <summary>1: no adverse effect.</summary>
    NoAdverseEffect = 1,

    /// <summary>2: minor.</summary>
    Minor = 2,

    /// <summary>3: adverse (distress, inconvenience, targeted phishing).</summary>
    Adverse = 3,

    /// <summary>4: serious (pain, suffering or financial loss; special category data exposed).</summary>
    Serious = 4,

    /// <summary>5: catastrophic (death). Never set by Vigil: only a person can judge this.</summary>
    Catastrophic = 5,
}
