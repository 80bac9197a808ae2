using Vigil.Events;

namespace Vigil.Ingestion.Tests.Events;

public sealed class LogEventTests
{
    private static readonly int[] Names = [.. Enumerable.Range(0, 40).Select(static i => FieldNames.Intern($"test.log_event.f{i}"))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void An_event_made_with_a_small_capacity_takes_any_number_of_fields(int capacity)
    {
        var logEvent = new LogEvent(capacity);

        for (var i = 0; i < Names.Length; i++)
        {
            logEvent.Add(Names[i], $"v{i}");
        }

        Assert.Equal(Names.Length, logEvent.Count);
        Assert.Equal(Names.Select(static (_, i) => $"v{i}"), Enumerable.Range(0, logEvent.Count).Select(logEvent.ValueAt));
        Assert.Equal("v39", logEvent.Get(Names[39]));
        Assert.Equal(17, logEvent.IndexOf(Names[17]));
    }

    [Fact]
    public void A_compact_event_holds_the_fields_and_metadata_and_leaves_its_builder_empty()
    {
        var time = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.FromMinutes(330));
        var builder = new LogEvent(64) { Timestamp = time, Source = "syslog-tcp:192.0.2.1:5000", SourceType = "postfix", Record = 7, StoreId = 42 };
        builder.Add(Names[0], "a");
        builder.Add(Names[1], null);
        builder.Add(Names[0], "b");

        var compact = builder.TakeCompact();

        Assert.Equal([("test.log_event.f0", "a"), ("test.log_event.f1", null), ("test.log_event.f0", "b")], compact.Fields().Select(static f => (f.Key, f.Value)));
        Assert.Equal(2, compact.IndexOf(Names[0], 1));
        Assert.True(compact.Has(Names[1]));
        Assert.Equal((time, time.Offset), (compact.Timestamp, compact.Timestamp!.Value.Offset));
        Assert.Equal(("syslog-tcp:192.0.2.1:5000", "postfix", 7L, 42L), (compact.Source, compact.SourceType, compact.Record, compact.StoreId));
        Assert.Equal((0, null, "", "", 0L, 0L), (builder.Count, builder.Timestamp, builder.Source, builder.SourceType, builder.Record, builder.StoreId));
    }

    [Fact]
    public void Adding_to_a_compact_event_leaves_other_events_of_its_shape_unchanged()
    {
        var builder = new LogEvent();
        var first = Build(builder, "one");
        var second = Build(builder, "two");

        first.Add(Names[5], "added");
        second.Clear();
        second.Add(Names[6], "after clear");

        Assert.Equal([Names[2], Names[3], Names[5]], Enumerable.Range(0, first.Count).Select(first.IdAt));
        Assert.Equal(["one", "one", "added"], Enumerable.Range(0, first.Count).Select(first.ValueAt));
        Assert.Equal([Names[6]], Enumerable.Range(0, second.Count).Select(second.IdAt));
        var third = Build(builder, "three");
        Assert.Equal([Names[2], Names[3]], Enumerable.Range(0, third.Count).Select(third.IdAt));
        Assert.Equal(-1, third.IndexOf(Names[5]));

        static LogEvent Build(LogEvent builder, string value)
        {
            builder.Add(Names[2], value);
            builder.Add(Names[3], value);
            return builder.TakeCompact();
        }
    }

    [Fact]
    public void An_empty_compact_event_takes_fields()
    {
        var compact = new LogEvent().TakeCompact();

        compact.Add(Names[0], "x");

        Assert.Equal((1, "x"), (compact.Count, compact.Get(Names[0])));
    }

    [Fact]
    public void Events_with_the_same_names_in_the_same_order_share_one_id_array()
    {
        var a = FieldShapes.Get([Names[0], Names[1], Names[2]]);
        var b = FieldShapes.Get([Names[0], Names[1], Names[2]]);
        var other = FieldShapes.Get([Names[0], Names[2], Names[1]]);

        Assert.Same(a, b);
        Assert.Equal([Names[0], Names[2], Names[1]], other);
        Assert.Empty(FieldShapes.Get([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-480)]
    [InlineData(840)]
    public void The_timestamp_reads_back_as_set_with_its_offset(int offsetMinutes)
    {
        var time = new DateTimeOffset(2026, 11, 29, 23, 59, 59, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(1234567);
        var logEvent = new LogEvent { Timestamp = time };

        Assert.Equal((time.UtcTicks, time.Offset), (logEvent.Timestamp!.Value.UtcTicks, logEvent.Timestamp.Value.Offset));
        logEvent.Timestamp = null;
        Assert.Null(logEvent.Timestamp);
    }
}
