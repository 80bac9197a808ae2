namespace Vigil.Detection.Correlation;

/// <summary>A comparison in a correlation's <c>condition</c>.</summary>
internal enum ConditionOperator
{
    /// <summary><c>gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>gte</c>: greater than or equal.</summary>
    Gte,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>lte</c>: less than or equal.</summary>
    Lte,

    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>neq</c>: not equal.</summary>
    Neq,
}
