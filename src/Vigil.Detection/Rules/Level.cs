namespace Vigil.Detection.Rules;

/// <summary>A rule's level, ordered from least to most severe.</summary>
public enum Level
{
    /// <summary>For information only.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
