namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>A typed span [Start, End) in one document (gold or predicted).</summary>
internal readonly record struct LabelledSpan(string Type, int Document, int Start, int End);
