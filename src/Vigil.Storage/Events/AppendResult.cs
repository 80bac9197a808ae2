namespace Vigil.Storage.Events;

/// <summary>What an append committed.</summary>
/// <param name="Ids">The ids given to the events, in the order they were passed; empty when <paramref name="Duplicate"/>.</param>
/// <param name="Duplicate">The idempotency key was committed before, so nothing was written this time.</param>
public sealed record AppendResult(IReadOnlyList<long> Ids, bool Duplicate);
