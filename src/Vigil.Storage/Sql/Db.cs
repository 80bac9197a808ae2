using System.Data;
using System.Data.Common;

namespace Vigil.Storage.Sql;

/// <summary>Small helpers shared by both providers: parameters, times as microseconds, text columns.</summary>
internal static class Db
{
    /// <summary>Adds a parameter; null becomes DBNull.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds a nullable 64-bit integer parameter (typed, so PostgreSQL can infer a null's type).</summary>
    public static DbCommand WithInt64(this DbCommand command, string name, long? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int64;
        parameter.Value = value.HasValue ? value.Value : DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Times are stored as microseconds since 1970-01-01 UTC (integers index and compare fastest on both databases).</summary>
    public static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The time <paramref name="micros"/> stands for, in UTC.</summary>
    public static DateTimeOffset Time(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    /// <summary>
    /// Text for a text column: PostgreSQL rejects NUL characters in text, so they become U+FFFD on both databases
    /// (the same data reads back the same whichever database holds it). Raw records are stored as bytes and keep theirs.
    /// </summary>
    public static string Text(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;

    public static async Task<long?> ScalarInt64Async(DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
