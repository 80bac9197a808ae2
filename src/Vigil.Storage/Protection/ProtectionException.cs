namespace Vigil.Storage.Protection;

/// <summary>Encrypted data cannot be read: the master key is wrong or missing, or the data was altered.</summary>
public sealed class ProtectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtectionException()
    {
    }

    /// <summary>Creates the exception with a message naming what failed (never the content).</summary>
    public ProtectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
