using System.Globalization;

namespace Real.Aggregation.Rules;

/// <summary>
/// One named parameter of a rule: its default and how a given text is checked and written canonically (so the
/// same settings always record the same text, e.g. "0.8" whether given as ".8" or "0.80").
/// </summary>
public sealed class RuleParameter
{
    private readonly Func<string, string?> _canonicalize;

    private RuleParameter(string name, string defaultValue, string description, Func<string, string?> canonicalize)
    {
        Name = name;
        Description = description;
        _canonicalize = canonicalize;
        Default = canonicalize(defaultValue) ?? throw new ArgumentException($"Default '{defaultValue}' of parameter '{name}' is not valid.", nameof(defaultValue));
    }

    public string Name { get; }

    public string Default { get; }

    public string Description { get; }

    /// <summary>A real number in [min, max] (or (min, max) when exclusive).</summary>
    public static RuleParameter Number(string name, double defaultValue, double min, double max, string description, bool exclusive = false) =>
        new(name, Format(defaultValue), $"{description} Number in {(exclusive ? "(" : "[")}{Format(min)}, {Format(max)}{(exclusive ? ")" : "]")}.", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                && (exclusive ? value > min && value < max : value >= min && value <= max)
                ? Format(value)
                : null);

    public static RuleParameter Integer(string name, int defaultValue, int min, int max, string description) =>
        new(name, defaultValue.ToString(CultureInfo.InvariantCulture), $"{description} Integer in [{min}, {max}].", text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value.ToString(CultureInfo.InvariantCulture)
                : null);

    public static RuleParameter Choice(string name, string defaultValue, string description, params string[] choices) =>
        new(name, defaultValue, $"{description} One of: {string.Join(", ", choices)}.", text =>
            choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"estimate" or a probability strictly between 0 and 1.</summary>
    public static RuleParameter EstimateOrProbability(string name, string description) =>
        new(name, "estimate", $"{description} 'estimate' or a number in (0, 1).", text =>
            string.Equals(text, "estimate", StringComparison.OrdinalIgnoreCase) ? "estimate"
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1 ? Format(value)
            : null);

    /// <summary>The canonical text of <paramref name="text"/>, or null when it is not a valid value.</summary>
    public string? Canonicalize(string text) => _canonicalize(text.Trim());

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
