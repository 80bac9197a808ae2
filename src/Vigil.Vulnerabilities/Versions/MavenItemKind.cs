namespace Vigil.Vulnerabilities.Versions;

/// <summary>Kinds of <see cref="MavenItem"/>.</summary>
internal enum MavenItemKind
{
    /// <summary>A run of digits.</summary>
    Number,

    /// <summary>A qualifier (letters and other characters), already aliased.</summary>
    Qualifier,

    /// <summary>Start of a nested list (after <c>-</c>, or at a digit/letter transition).</summary>
    List,
}
