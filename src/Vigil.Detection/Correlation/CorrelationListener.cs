using System.Globalization;

namespace Vigil.Detection.Correlation;

/// <summary>One rule of one correlation: turns that rule's detections into <see cref="Observation"/>s.</summary>
/// <remarks>
/// Field names are resolved once, with the correlation's aliases for this rule. A field is read from the detection's
/// own group-by values first (a chained correlation's detection carries them), then from its event (first value). A
/// missing group-by field gives a null in the group key: such detections form a group of their own.
/// </remarks>
internal sealed class CorrelationListener
{
    private readonly CorrelationType _type;
    private readonly string[] _groupFields;
    private readonly string[] _valueFields;
    private readonly string _position;

    /// <summary>Creates the listener for the rule at <paramref name="ruleIndex"/> in <paramref name="window"/>'s rule.</summary>
    /// <param name="window">The correlation's state.</param>
    /// <param name="ruleIndex">The rule's position in <c>rules</c>.</param>
    /// <param name="groupFields">The <c>group-by</c> fields as named in this rule's events.</param>
    /// <param name="valueFields">The condition's <c>field</c>(s) as named in this rule's events.</param>
    public CorrelationListener(CorrelationWindow window, int ruleIndex, string[] groupFields, string[] valueFields)
    {
        Window = window;
        RuleIndex = ruleIndex;
        _type = window.Rule.Type;
        _groupFields = groupFields;
        _valueFields = valueFields;
        _position = ruleIndex.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The correlation's state.</summary>
    public CorrelationWindow Window { get; }

    /// <summary>The rule's position in <c>rules</c>.</summary>
    public int RuleIndex { get; }

    /// <summary>
    /// Builds the observation of <paramref name="detection"/>; false (and counted) when a <c>value_*</c> field is
    /// missing or, for sum and average, not a finite number.
    /// </summary>
    public bool TryObserve(Engine.RuleMatch detection, long ticks, CorrelationCounters counters, out Observation observation)
    {
        string? value = null;
        double number = 1;
        switch (_type)
        {
            case CorrelationType.Temporal or CorrelationType.TemporalOrdered:
                value = _position;
                break;
            case CorrelationType.ValueCount or CorrelationType.ValuePercentile:
                value = ValueOf(detection);
                break;
            case CorrelationType.ValueSum or CorrelationType.ValueAvg:
                var text = Read(detection, _valueFields[0]);
                value = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number) ? text : null;
                break;
            default:
                value = "";
                break;
        }

        if (value is null)
        {
            counters.SkippedValues++;
            observation = default;
            return false;
        }

        var groupValues = new string?[_groupFields.Length];
        for (var i = 0; i < groupValues.Length; i++)
        {
            groupValues[i] = Read(detection, _groupFields[i]);
        }

        observation = new Observation(detection, ticks, RuleIndex, GroupKey.Encode(groupValues), groupValues, value, number);
        return true;
    }

    /// <summary>The value counted: one field's text, or every field's (all present) encoded together; null if missing.</summary>
    private string? ValueOf(Engine.RuleMatch detection)
    {
        if (_valueFields.Length == 1)
        {
            return Read(detection, _valueFields[0]);
        }

        var values = new string?[_valueFields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if ((values[i] = Read(detection, _valueFields[i])) is null)
            {
                return null;
            }
        }

        return GroupKey.Encode(values);
    }

    private static string? Read(Engine.RuleMatch detection, string field) =>
        detection.GroupBy.Count > 0 && detection.GroupBy.TryGetValue(field, out var grouped) && grouped is not null
            ? grouped
            : detection.Event.Get(field);
}
