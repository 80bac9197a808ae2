namespace Vigil.Discovery.Recognition;

/// <summary>One recognised identifier or health fact in a text.</summary>
/// <param name="Type">One of <see cref="PhiTypes"/>.</param>
/// <param name="Start">Offset of the first character in the text scanned.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Confidence">0..1: how sure the recogniser is.</param>
/// <param name="Evidence">Why, without the value: <c>checksum</c>, <c>context:nhs no</c>, <c>dictionary:bnf</c>, joined by <c>; </c>.</param>
public readonly record struct PhiMatch(string Type, int Start, int Length, double Confidence, string Evidence);
