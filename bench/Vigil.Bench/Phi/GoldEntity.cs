namespace Vigil.Bench.Phi;

/// <summary>One labelled entity: its type and global character span.</summary>
internal readonly record struct GoldEntity(string Type, int Start, int End);
