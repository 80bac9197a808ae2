namespace Vigil.Storage;

/// <summary>The database could not be opened, migrated or used; the message names the database and the reason.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
