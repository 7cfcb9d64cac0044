using System.Globalization;

namespace Real.Aggregation.Rules;

/// <summary>
/// A rule's resolved parameters: every parameter the rule knows, given or defaulted, in canonical text and in
/// name order. This is what a run records, so a label set states all settings it was made with.
/// </summary>
public sealed class RuleParameters
{
    private readonly SortedDictionary<string, string> _values;

    private RuleParameters(SortedDictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// Checks <paramref name="given"/> against the rule's parameters and fills in defaults. Unknown names and bad
    /// values are errors naming the rule, the parameter, the value and what is allowed.
    /// </summary>
    public static RuleParameters Resolve(string rule, IReadOnlyList<RuleParameter> known, IReadOnlyDictionary<string, string> given)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in given)
        {
            var parameter = known.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"Rule '{rule}' has no parameter '{name}'. Its parameters: {(known.Count == 0 ? "none" : string.Join(", ", known.Select(p => p.Name)))}.");
            values[parameter.Name] = parameter.Canonicalize(text)
                ?? throw new ArgumentException($"Rule '{rule}': parameter '{parameter.Name}' cannot be '{text}'. {parameter.Description}");
        }

        foreach (var parameter in known)
        {
            values.TryAdd(parameter.Name, parameter.Default);
        }

        return new RuleParameters(values);
    }

    /// <summary>Parses "key=value" texts (as given to --param) into a dictionary; a repeated key keeps the last value.</summary>
    public static IReadOnlyDictionary<string, string> ParseAssignments(IEnumerable<string> assignments)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"Parameter '{assignment}' is not of the form key=value (e.g. threshold=0.8).");
            }

            result[assignment[..equals].Trim()] = assignment[(equals + 1)..].Trim();
        }

        return result;
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No parameter '{name}' was resolved.");

    public double Number(string name) => double.Parse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Integer(string name) => int.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Null for "estimate", else the number.</summary>
    public double? OptionalNumber(string name) => Text(name) == "estimate" ? null : Number(name);

    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
