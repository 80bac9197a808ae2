namespace Vigil.Storage.Quarantine;

/// <summary>Rejected input, for operators to list.</summary>
public interface IQuarantineStore
{
    /// <summary>Stores rejected items in one transaction.</summary>
    Task AddAsync(IReadOnlyList<QuarantinedItem> items, CancellationToken cancellationToken);

    /// <summary>The newest items first.</summary>
    Task<IReadOnlyList<QuarantinedItem>> ListAsync(int limit, CancellationToken cancellationToken);
}
