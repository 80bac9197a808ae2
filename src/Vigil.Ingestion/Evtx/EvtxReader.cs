using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Evtx;

/// <summary>Reads the events of a Windows event log file (EVTX), chunk by chunk.</summary>
/// <remarks>
/// <para>
/// Written from the published format (libyal's "Windows XML Event Log (EVTX)" description) because no NuGet package
/// reads EVTX well for .NET on Linux: the known ones wrap the Windows event log API, which exists only on Windows, or
/// are unmaintained and stop at the first damaged chunk.
/// </para>
/// <para>
/// Layout: a 4 KiB file header, then 64 KiB chunks, each a 512-byte header and records; a record is a 24-byte header,
/// binary XML (see <see cref="BinXmlParser"/>) and a copy of its size. Memory stays flat: one chunk buffer is reused and
/// events are yielded as their records are parsed.
/// </para>
/// <para>
/// Forgiving: a chunk that is all zeros, lacks its magic or fails a CRC32 check is reported as <c>corrupt-chunk</c>
/// and skipped; a record with a bad header, a size pointing past the chunk's records or malformed binary XML
/// (including template cycles and nesting beyond <see cref="BinXmlParser.MaxDepth"/>) is reported as
/// <c>corrupt-record</c> and skipped, reading resuming at the next record magic; a file that ends inside a chunk is
/// reported as <c>truncated</c> and the records wholly present are still read (unchecked, since the records' CRC32
/// covers the missing part). A file header that fails its CRC32 is reported as <c>corrupt</c> and reading goes on,
/// since chunks are self-contained. The header's chunk count is not trusted (a dirty file, not cleanly closed, has
/// it stale): every chunk up to the end of the file is read; space past that count without a chunk magic is unused
/// (zeros, or slack left by an earlier log) and not reported. Locations are <c>chunk N</c> (0-based) and <c>chunk N record ID</c> (the EventRecordID).
/// <see cref="LogEvent.Record"/> is the EventRecordID. Not thread-safe.
/// </para>
/// </remarks>
internal sealed class EvtxReader : IEventReader
{
    private const int FileHeaderSize = 4096;
    private const int RecordHeaderSize = 24;
    private const uint RecordMagic = 0x00002A2A;

    private readonly InputBuffer _input;
    private readonly string _source;
    private readonly IProblemSink _problems;
    private readonly byte[] _chunk = new byte[EvtxChunk.Size];
    private readonly EvtxEventBuilder _builder = new();
    private readonly BinXmlParser _parser;
    private bool _started;
    private bool _loaded;
    private long _chunkIndex = -1;
    private int _declaredChunks;
    private int _pos;
    private int _end;
    private int _declaredEnd;

    /// <summary>Creates a reader of <paramref name="input"/>, which starts with the file header.</summary>
    public EvtxReader(InputBuffer input, string source, IProblemSink problems)
    {
        _input = input;
        _source = source;
        _problems = problems;
        _parser = new BinXmlParser(_builder);
    }

    /// <summary>The magic bytes an EVTX file starts with.</summary>
    public static ReadOnlySpan<byte> FileMagic => "ElfFile\0"u8;

    /// <inheritdoc/>
    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        if (!_started && !ReadFileHeader())
        {
            logEvent = null;
            return false;
        }

        while (true)
        {
            if (!_loaded)
            {
                if (!LoadChunk())
                {
                    logEvent = null;
                    return false;
                }

                continue;
            }

            if (_pos > _end - RecordHeaderSize - 4)
            {
                _loaded = false;
                continue;
            }

            if (TryRecord(out logEvent))
            {
                return true;
            }
        }
    }

    private bool ReadFileHeader()
    {
        _started = true;
        _input.FillTo(FileHeaderSize);
        if (_input.Length < FileHeaderSize)
        {
            Report("", _input.FailureKind ?? ProblemKinds.Truncated,
                _input.FailureKind is null ? "the file ends inside its 4 KiB header" : _input.FailureReason);
            return false;
        }

        var header = _input.Data[..FileHeaderSize];
        _declaredChunks = BinaryPrimitives.ReadUInt16LittleEndian(header[42..]);
        if (Crc32.HashToUInt32(header[..120]) != BinaryPrimitives.ReadUInt32LittleEndian(header[124..]))
        {
            Report("file header", ProblemKinds.Corrupt, "the file header fails its CRC32 check; its chunks are read anyway");
        }

        _input.Advance(FileHeaderSize);
        return true;
    }

    private bool LoadChunk()
    {
        while (true)
        {
            _input.FillTo(EvtxChunk.Size);
            var available = Math.Min(_input.Length, EvtxChunk.Size);
            if (available == 0)
            {
                if (_input.FailureKind is { } kind)
                {
                    Report("", kind, _input.FailureReason);
                }

                return false;
            }

            _chunkIndex++;
            _input.Data[..available].CopyTo(_chunk);
            _chunk.AsSpan(available).Clear();
            _input.Advance(available);
            if (available < EvtxChunk.Size)
            {
                return LoadTruncatedChunk(available);
            }

            if (EvtxChunk.Check(_chunk) is { } reason)
            {
                if (_chunkIndex >= _declaredChunks && !_chunk.AsSpan().StartsWith(EvtxChunk.Magic))
                {
                    continue;
                }

                Report($"chunk {_chunkIndex}", ProblemKinds.CorruptChunk, reason);
                continue;
            }

            Start(EvtxChunk.RecordsEnd(_chunk)!.Value);
            return true;
        }
    }

    private bool LoadTruncatedChunk(int available)
    {
        var reason = _input.FailureKind is null
            ? $"the file ends {available} bytes into the chunk; the records wholly present are read unchecked"
            : _input.FailureReason;
        Report($"chunk {_chunkIndex}", _input.FailureKind ?? ProblemKinds.Truncated, reason);
        if (available < EvtxChunk.HeaderSize || !_chunk.AsSpan().StartsWith(EvtxChunk.Magic)
            || EvtxChunk.RecordsEnd(_chunk) is not { } end)
        {
            return false;
        }

        Start(Math.Min(end, available));
        _declaredEnd = end;
        return true;
    }

    private void Start(int end)
    {
        _parser.BeginChunk(_chunk);
        _pos = EvtxChunk.HeaderSize;
        _end = _declaredEnd = end;
        _loaded = true;
    }

    private bool TryRecord([NotNullWhen(true)] out LogEvent? logEvent)
    {
        logEvent = null;
        var span = _chunk.AsSpan(_pos);
        if (BinaryPrimitives.ReadUInt32LittleEndian(span) != RecordMagic)
        {
            Report($"chunk {_chunkIndex} record at offset {_pos}", ProblemKinds.CorruptRecord,
                "no record magic where a record should start; skipped to the next record");
            Resync();
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        var id = BinaryPrimitives.ReadUInt64LittleEndian(span[8..]);
        var location = $"chunk {_chunkIndex} record {id}";
        if (size >= RecordHeaderSize + 4 && size > _end - _pos && size <= _declaredEnd - _pos)
        {
            // A record cut by the end of a truncated file: already reported as the chunk's truncation.
            _pos = _end;
            return false;
        }

        if (size < RecordHeaderSize + 4 || size > _end - _pos)
        {
            Report(location, ProblemKinds.CorruptRecord,
                $"the record size {size} at offset {_pos} points past the chunk's records; skipped to the next record");
            Resync();
            return false;
        }

        var recordEnd = _pos + (int)size;
        if (BinaryPrimitives.ReadUInt32LittleEndian(_chunk.AsSpan(recordEnd - 4)) != size)
        {
            Report(location, ProblemKinds.CorruptRecord,
                $"the copy of the record size at its end differs from {size}; skipped to the next record");
            Resync();
            return false;
        }

        _builder.Begin();
        try
        {
            _parser.ParseRecord(_pos + RecordHeaderSize, recordEnd - 4);
        }
        catch (EvtxFormatException e)
        {
            Report(location, ProblemKinds.CorruptRecord, e.Message + "; the record was skipped");
            _pos = recordEnd;
            return false;
        }

        _pos = recordEnd;
        logEvent = _builder.Take();
        logEvent.Source = _source;
        logEvent.Record = (long)id;
        return true;
    }

    // Moves to the next record magic in the chunk, or to the chunk's end.
    private void Resync()
    {
        ReadOnlySpan<byte> magic = [0x2A, 0x2A, 0x00, 0x00];
        var next = _chunk.AsSpan(_pos + 1, _end - _pos - 1).IndexOf(magic);
        _pos = next < 0 ? _end : _pos + 1 + next;
    }

    private void Report(string location, string kind, string reason) =>
        _problems.Report(new InputProblem(_source, location, kind, reason));
}
