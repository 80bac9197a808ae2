namespace Vigil.Web.Responding;

/// <summary>An upload went over <see cref="BreachOptions.MaxEvidenceBytes"/>.</summary>
public sealed class EvidenceTooLargeException : IOException
{
    /// <summary>Creates the exception for a limit of <paramref name="limit"/> bytes.</summary>
    public EvidenceTooLargeException(long limit)
        : base($"the file is over the limit of {limit} bytes (http:breach:maxEvidenceBytes)") => Limit = limit;

    /// <summary>Creates the exception.</summary>
    public EvidenceTooLargeException()
        : base("the file is over the limit")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EvidenceTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EvidenceTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; }
}
