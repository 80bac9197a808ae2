namespace Vigil.Ingestion.Gzip;

/// <summary>Raised by a decoding stream whose input ends before its data does.</summary>
/// <remarks>Never leaves the module: <see cref="Files.InputBuffer"/> turns it into a <c>truncated</c> problem.</remarks>
internal sealed class TruncatedInputException(string message) : IOException(message);
