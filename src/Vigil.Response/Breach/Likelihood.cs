namespace Vigil.Response.Breach;

/// <summary>How likely it is that people's rights were affected (the NHS DSPT guide's 5-point scale).</summary>
public enum Likelihood
{
    /// <summary>1: the exposure did not happen.</summary>
    NotOccurred = 1,

    /// <summary>2: not likely (for example, the data was encrypted).</summary>
    NotLikely = 2,

    /// <summary>3: likely.</summary>
    Likely = 3,

    /// <summary>4: highly likely (a malicious third party had the data).</summary>
    HighlyLikely = 4,

    /// <summary>5: it has occurred (the data has been used, for example to phish the people).</summary>
    Occurred = 5,
}
