using System.Data;
using System.Data.Common;
using System.Text;

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
    /// Text for a text column: PostgreSQL rejects NUL characters in text and cannot encode a lone surrogate (its
    /// driver throws, failing the whole batch), so both become U+FFFD on both databases (the same data reads back the
    /// same whichever database holds it; SQLite's UTF-8 conversion replaced lone surrogates already). Raw records are
    /// stored as bytes and keep theirs.
    /// </summary>
    public static string Text(string value)
    {
        var text = value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;
        // Only a string holding surrogates is checked further; a round trip through UTF-8 keeps pairs and replaces
        // lone ones, as Encoding.UTF8 does everywhere else in the store.
        return text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && HasLoneSurrogate(text)
            ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))
            : text;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<long?> ScalarInt64Async(DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
