namespace Vigil.Detection.Conditions;

/// <summary>A parsed Sigma condition: the tree that <see cref="ConditionParser"/> builds.</summary>
internal abstract record ConditionNode;

/// <summary>A search identifier named in the condition.</summary>
internal sealed record IdentifierNode(string Name) : ConditionNode;

/// <summary>Both sides hold.</summary>
internal sealed record AndNode(ConditionNode Left, ConditionNode Right) : ConditionNode;

/// <summary>Either side holds.</summary>
internal sealed record OrNode(ConditionNode Left, ConditionNode Right) : ConditionNode;

/// <summary>The operand does not hold.</summary>
internal sealed record NotNode(ConditionNode Operand) : ConditionNode;

/// <summary>
/// <c>1 of sel*</c>, <c>all of them</c>, <c>any of filter_*</c>: at least <see cref="Count"/> (or all, when
/// <see cref="Count"/> is null) of the identifiers matching <see cref="Pattern"/> (null for <c>them</c>).
/// </summary>
internal sealed record QuantifierNode(int? Count, string? Pattern) : ConditionNode;
