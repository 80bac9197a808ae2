namespace Vigil.Ingestion.Evtx;

/// <summary>A record's binary XML breaks the format; thrown inside the parser and caught per record.</summary>
/// <remarks>
/// Binary XML is parsed by recursive descent, where unwinding by exception is the simplest correct way out of a deep
/// walk; it never leaves this folder: <see cref="EvtxReader"/> turns it into a reported, skipped record.
/// </remarks>
internal sealed class EvtxFormatException(string message) : Exception(message)
{
    /// <summary>Creates the exception with a default message (required by the analysers).</summary>
    public EvtxFormatException()
        : this("the binary XML is malformed")
    {
    }

    /// <summary>Creates the exception with an inner exception (required by the analysers).</summary>
    public EvtxFormatException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
