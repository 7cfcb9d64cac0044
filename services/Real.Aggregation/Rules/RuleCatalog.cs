namespace Real.Aggregation.Rules;

/// <summary>The rules Real knows, by name. <c>dawid-skene</c> (the paper's settings) is the default.</summary>
public sealed class RuleCatalog
{
    public const string DefaultRule = DawidSkeneRule.PaperName;

    private readonly Dictionary<string, IAggregationRule> _rules;

    public RuleCatalog(IEnumerable<IAggregationRule> rules)
    {
        _rules = new Dictionary<string, IAggregationRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            if (!_rules.TryAdd(rule.Name, rule))
            {
                throw new ArgumentException($"Two rules are named '{rule.Name}'.", nameof(rules));
            }
        }
    }

    public static RuleCatalog Standard { get; } = new(
    [
        new DawidSkeneRule(withAnimalRule: true),
        new DawidSkeneRule(withAnimalRule: false),
        new OneCoinRule(),
        new MajorityRule(),
    ]);

    public IReadOnlyCollection<IAggregationRule> Rules => _rules.Values;

    public IAggregationRule Get(string name) =>
        _rules.TryGetValue(name, out var rule)
            ? rule
            : throw new ArgumentException($"Unknown rule '{name}'. Known rules: {string.Join(", ", _rules.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>The rule and its resolved parameters (defaults filled in, values checked).</summary>
    public (IAggregationRule Rule, RuleParameters Parameters) Resolve(string name, IReadOnlyDictionary<string, string> given)
    {
        var rule = Get(name);
        return (rule, RuleParameters.Resolve(rule.Name, rule.Parameters, given));
    }
}
