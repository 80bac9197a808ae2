namespace Vigil.Storage.Sql;

/// <summary>
/// Migration 13: the two event indexes (<c>events_ts</c>, <c>events_source_type_ts</c>) give way to a block summary,
/// <c>event_blocks</c>, kept by the event writer in each append's transaction (see <see cref="Events.EventBlocks"/>), so
/// an insert touches one B-tree. Existing events are summarised here, in the migration's transaction.
/// </summary>
internal static class EventBlockSchema
{
    public const long Version = 13;

    public const string Description = "event block summary instead of event indexes";

    /// <summary>SQLite's form; the backfill groups by kind of log, UTC minute and 4,096 ids, as the writer does.</summary>
    public const string Sqlite = """
        DROP INDEX IF EXISTS events_ts;
        DROP INDEX IF EXISTS events_source_type_ts;
        CREATE TABLE event_blocks (
            first_id INTEGER PRIMARY KEY,
            last_id INTEGER NOT NULL,
            source_type TEXT NOT NULL,
            min_ts INTEGER NOT NULL,
            max_ts INTEGER NOT NULL,
            event_count INTEGER NOT NULL);
        """ + Common;

    /// <summary>PostgreSQL's form (same statements, its types).</summary>
    public const string Postgres = """
        DROP INDEX IF EXISTS events_ts;
        DROP INDEX IF EXISTS events_source_type_ts;
        CREATE TABLE event_blocks (
            first_id bigint PRIMARY KEY,
            last_id bigint NOT NULL,
            source_type text NOT NULL,
            min_ts bigint NOT NULL,
            max_ts bigint NOT NULL,
            event_count bigint NOT NULL);
        """ + Common;

    // ts - (((ts % m) + m) % m) is the start of ts's UTC minute, also before 1970 (% truncates on both databases).
    private const string Common = """

        CREATE INDEX event_blocks_source_first ON event_blocks (source_type, first_id);
        CREATE INDEX event_blocks_max_ts ON event_blocks (max_ts);
        CREATE INDEX event_blocks_source_max_ts ON event_blocks (source_type, max_ts);
        CREATE INDEX event_blocks_min_ts ON event_blocks (min_ts);
        CREATE INDEX event_blocks_source_min_ts ON event_blocks (source_type, min_ts);
        INSERT INTO event_blocks (first_id, last_id, source_type, min_ts, max_ts, event_count)
            SELECT MIN(id), MAX(id), source_type, MIN(ts), MAX(ts), COUNT(*) FROM events
            GROUP BY source_type, ts - (((ts % 60000000) + 60000000) % 60000000), id / 4096;
        """;
}
