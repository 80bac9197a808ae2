using Vigil.Storage.Events;

namespace Vigil.Storage.Tests.Events;

/// <summary>How an append's events are grouped into event blocks as they are inserted.</summary>
public sealed class EventBlockGroupingTests
{
    private const long Minute = EventBlocks.Minute;

    [Fact]
    public void Kinds_and_minutes_interleaved_make_one_block_each_and_a_span_splits_one()
    {
        var grouping = new EventBlockGrouping();
        long id = 100;
        for (var i = 0; i < 3 * EventBlocks.Span; i++)
        {
            grouping.Add(i % 2 == 0 ? "postfix" : "dovecot", (i % 3 == 0 ? 0 : Minute) + i, id++);
        }

        var blocks = grouping.Blocks().Select(b => (b.Source, b.Minute, b.First, b.Last, b.Count)).ToList();

        // Four kinds and minutes interleaved over three spans of ids: each takes three blocks.
        Assert.Equal(blocks.OrderBy(b => b.First), blocks);
        Assert.Equal(3 * EventBlocks.Span, blocks.Sum(b => b.Count));
        Assert.All(blocks, b => Assert.True(b.Last - b.First < EventBlocks.Span));
        Assert.Equal(4 * 3, blocks.Count);
        Assert.Equal(["dovecot", "postfix"], blocks.Select(b => b.Source).Distinct().Order());
    }

    [Fact]
    public void Blocks_are_those_of_grouping_by_the_kinds_text_whatever_the_instances()
    {
        // Equal kinds as distinct instances, more kinds than are remembered, NUL (stored as U+FFFD, so "a\0" and
        // "a\uFFFD" are one kind), minutes going back and forth, and runs long enough to split blocks.
        string[] texts = ["syslog", "sshd", "postfix", "dovecot", "sudo", "cron", "m365", "kernel", "w3c", "a\0", "a\uFFFD", ""];
        var instances = texts.SelectMany(t => new[] { t, new string(t.AsSpan()), new string(t.AsSpan()) }).ToArray();
        var random = new Random(29);
        var events = new List<(string Kind, long Ts, long Id)>();
        long id = 1;
        for (var run = 0; run < 400; run++)
        {
            var kind = instances[random.Next(random.Next(2) == 0 ? 3 : instances.Length)];
            var minute = random.Next(3) * Minute;
            for (var i = random.Next(1, random.Next(2) == 0 ? 4 : 300); i > 0; i--)
            {
                events.Add((kind, minute + random.Next((int)Minute), id));
                id += random.Next(1, 20);
            }
        }

        var grouping = new EventBlockGrouping();
        foreach (var (kind, ts, eventId) in events)
        {
            grouping.Add(kind, ts, eventId);
        }

        Assert.Equal(Reference(events), grouping.Blocks().Select(b => (b.Source, b.Minute, b.First, b.Last, b.MinTs, b.MaxTs, b.Count)));
    }

    // One open block per kind's text and minute, a new one when an id is a span or more past the open one's first.
    private static List<(string, long, long, long, long, long, long)> Reference(List<(string Kind, long Ts, long Id)> events)
    {
        var open = new Dictionary<(string, long), int>();
        var blocks = new List<(string Source, long Minute, long First, long Last, long MinTs, long MaxTs, long Count)>();
        foreach (var (kind, ts, id) in events)
        {
            var source = kind.Replace('\0', '\uFFFD');
            var minute = EventBlocks.MinuteOf(ts);
            if (!open.TryGetValue((source, minute), out var at) || id - blocks[at].First >= EventBlocks.Span)
            {
                open[(source, minute)] = at = blocks.Count;
                blocks.Add((source, minute, id, id, ts, ts, 0));
            }

            var b = blocks[at];
            blocks[at] = (b.Source, b.Minute, b.First, id, Math.Min(b.MinTs, ts), Math.Max(b.MaxTs, ts), b.Count + 1);
        }

        return [.. blocks.OrderBy(b => b.First).Select(b => (b.Source, b.Minute, b.First, b.Last, b.MinTs, b.MaxTs, b.Count))];
    }
}
