namespace Vigil.Vulnerabilities.Exchange;

/// <summary>One security update (or hotfix update) row of a cumulative update line.</summary>
/// <param name="Name">As the table spells it: <c>Mar21SU</c>, <c>Aug23SUv2</c>.</param>
/// <param name="BaseName">The name without a re-release suffix: <c>Aug23SU</c>.</param>
/// <param name="Month">First day of the month the name encodes.</param>
/// <param name="Build">The update's build.</param>
internal sealed record ExchangeUpdate(string Name, string BaseName, DateOnly Month, ExchangeBuild Build);
