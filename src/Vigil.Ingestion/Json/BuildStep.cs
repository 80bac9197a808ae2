namespace Vigil.Ingestion.Json;

/// <summary>What <see cref="JsonEventBuilder.Step"/> stopped at.</summary>
internal enum BuildStep
{
    /// <summary>The reader ran out of data.</summary>
    NeedMoreData,

    /// <summary>An event is complete: take it with <see cref="JsonEventBuilder.TakeEvent"/>.</summary>
    Completed,

    /// <summary>A value ended that is not a usable event; <see cref="JsonEventBuilder.RejectKind"/> says why.</summary>
    Rejected,
}
