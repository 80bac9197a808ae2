using System.Buffers.Binary;
using System.IO.Hashing;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Evtx;

/// <summary>Damage made from a real EVTX file is reported with file, chunk and record, and every intact record is still read.</summary>
public sealed class EvtxCorruptionTests : IDisposable
{
    private const int FileHeader = 4096;
    private const int ChunkSize = 65536;

    private readonly TempFolder _temp = new();
    private readonly byte[] _original;
    private readonly List<long> _allRecords;

    public EvtxCorruptionTests()
    {
        var path = Path.Combine(SharedData.Folder("sigma/evtx-samples"), "sigma", "evtx-samples", "security.evtx");
        _original = File.ReadAllBytes(path);
        _allRecords = Reading.Of(path).Events.Select(e => e.Record).ToList();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_flipped_bit_in_a_chunk_is_a_crc_mismatch_and_only_that_chunk_is_skipped()
    {
        var bytes = Copy();
        bytes[ChunkStart(2) + 3000] ^= 0x10;

        var reading = Read(bytes, out var path);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "chunk 2", "corrupt-chunk"), (problem.Item, problem.Location, problem.Kind));
        Assert.Contains("CRC32", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(_allRecords.Except(RecordsOf(2)), reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void A_chunk_of_zeros_is_reported_and_skipped()
    {
        var bytes = Copy();
        bytes.AsSpan(ChunkStart(1), ChunkSize).Clear();

        var reading = Read(bytes, out var path);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "chunk 1", "corrupt-chunk"), (problem.Item, problem.Location, problem.Kind));
        Assert.Contains("zeros", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(_allRecords.Except(RecordsOf(1)), reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void A_truncated_file_gives_every_record_before_the_cut()
    {
        var cut = ChunkStart(3) + 30000;
        var bytes = _original.AsSpan(0, cut).ToArray();

        var reading = Read(bytes, out var path);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "chunk 3", "truncated"), (problem.Item, problem.Location, problem.Kind));
        var read = reading.Events.Select(e => e.Record).ToList();
        Assert.Equal(_allRecords.Take(read.Count), read);
        Assert.Contains(RecordsOf(3).First(), read);
        Assert.True(read.Count < _allRecords.TakeWhile(r => r <= RecordsOf(3).Last()).Count());
    }

    [Fact]
    public void A_record_whose_size_points_past_the_chunk_is_skipped_and_the_next_records_are_read()
    {
        var bytes = Copy();
        var chunk = ChunkStart(0);
        var second = chunk + 512 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(chunk + 512 + 4));
        var id = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(second + 8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(second + 4), 70000);
        FixChunkCrc(bytes, 0);

        var reading = Read(bytes, out var path);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, $"chunk 0 record {id}", "corrupt-record"), (problem.Item, problem.Location, problem.Kind));
        Assert.Contains("points past", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(_allRecords.Where(r => r != id), reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void A_template_that_instantiates_itself_ends_at_the_nesting_limit_and_other_chunks_are_read()
    {
        var bytes = Copy();
        var chunk = ChunkStart(4);

        // The first record of a chunk defines its first template inline: header (24), fragment header (4), then
        // the instance token (10 bytes) followed by the definition, whose body starts 24 bytes in.
        var definition = 512 + 24 + 4 + 10;
        var body = chunk + definition + 24;
        bytes[body] = 0x0C;
        bytes[body + 1] = 0x01;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(body + 2), 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(body + 6), definition);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(body + 10), 0);
        FixChunkCrc(bytes, 4);

        var reading = Read(bytes, out var path);

        Assert.NotEmpty(reading.Problems);
        Assert.All(reading.Problems, p =>
        {
            Assert.Equal((path, "corrupt-record"), (p.Item, p.Kind));
            Assert.StartsWith("chunk 4 record ", p.Location, StringComparison.Ordinal);
        });
        Assert.Contains(reading.Problems, p => p.Reason.Contains("nest deeper", StringComparison.Ordinal));
        var read = reading.Events.Select(e => e.Record).ToHashSet();
        Assert.All(_allRecords.Except(RecordsOf(4)), r => Assert.Contains(r, read));
        Assert.Equal(_allRecords.Count, read.Count + reading.Problems.Count);
    }

    [Fact]
    public void A_dirty_file_is_read_whole_past_its_stale_chunk_count()
    {
        var bytes = Copy();
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(120)) & 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(42), 5);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(124), Crc32.HashToUInt32(bytes.AsSpan(0, 120)));

        var reading = Read(bytes, out _);

        Assert.Empty(reading.Problems);
        Assert.Equal(_allRecords, reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void A_gzipped_evtx_file_is_read_whole()
    {
        var reading = Reading.Of(_temp.File("security.evtx.gz", TempFolder.Gzip(_original)));

        Assert.Empty(reading.Problems);
        Assert.Equal(_allRecords, reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void Every_prefix_and_random_damage_reads_without_throwing()
    {
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var bytes = Copy().AsSpan(0, random.Next(FileHeader, _original.Length)).ToArray();
            for (var j = 0; j < 20; j++)
            {
                bytes[random.Next(FileHeader, bytes.Length)] = (byte)random.Next(256);
            }

            FixChunkCrc(bytes, 0);
            var reading = Read(bytes, out _);
            Assert.NotEmpty(reading.Problems);
        }
    }

    private static int ChunkStart(int chunk) => FileHeader + (chunk * ChunkSize);

    private static void FixChunkCrc(byte[] bytes, int chunk)
    {
        var start = ChunkStart(chunk);
        if (bytes.Length < start + ChunkSize)
        {
            return;
        }

        var span = bytes.AsSpan(start, ChunkSize);
        var free = BinaryPrimitives.ReadInt32LittleEndian(span[48..]);
        if (free is < 512 or > ChunkSize)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[52..], Crc32.HashToUInt32(span[512..free]));
        var header = new Crc32();
        header.Append(span[..120]);
        header.Append(span[128..512]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[124..], header.GetCurrentHashAsUInt32());
    }

    private IEnumerable<long> RecordsOf(int chunk)
    {
        var start = ChunkStart(chunk);
        var first = BinaryPrimitives.ReadInt64LittleEndian(_original.AsSpan(start + 24));
        var last = BinaryPrimitives.ReadInt64LittleEndian(_original.AsSpan(start + 32));
        return _allRecords.Where(r => r >= first && r <= last).ToList();
    }

    private byte[] Copy() => (byte[])_original.Clone();

    private Reading Read(byte[] bytes, out string path)
    {
        path = _temp.File("damaged.evtx", bytes);
        return Reading.Of(path);
    }
}
