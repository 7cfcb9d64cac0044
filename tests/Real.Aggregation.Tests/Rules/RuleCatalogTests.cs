using Real.Aggregation.Rules;

namespace Real.Aggregation.Tests.Rules;

public sealed class RuleCatalogTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Standard;

    [Theory]
    [InlineData("dawid-skene")]
    [InlineData("dawid-skene-plain")]
    [InlineData("one-coin")]
    [InlineData("majority")]
    public void Knows_the_standard_rules_with_a_version(string name)
    {
        var rule = Catalog.Get(name);
        Assert.Equal(name, rule.Name);
        Assert.False(string.IsNullOrWhiteSpace(rule.Version));
    }

    [Fact]
    public void The_default_rule_is_the_papers()
    {
        Assert.Equal("dawid-skene", RuleCatalog.DefaultRule);
        var (_, parameters) = Catalog.Resolve(RuleCatalog.DefaultRule, new Dictionary<string, string>());
        Assert.Equal("0.8", parameters.Text("threshold"));
        Assert.Equal("1E-06", parameters.Text("tolerance"));
        Assert.Equal("0", parameters.Text("smoothing"));
        Assert.Equal("estimate", parameters.Text("prior"));
        Assert.Equal("all-candidates", parameters.Text("animal-negatives"));
    }

    [Fact]
    public void An_unknown_rule_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Catalog.Get("glad"));
        Assert.Contains("'glad'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dawid-skene, dawid-skene-plain, majority, one-coin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_are_recorded_canonically_and_completely()
    {
        var (_, parameters) = Catalog.Resolve("majority", RuleParameters.ParseAssignments(["threshold=.60"]));
        Assert.Equal(new Dictionary<string, string> { ["maybe-weight"] = "0.5", ["threshold"] = "0.6" }, parameters.Values);
        Assert.Equal(0.6, parameters.Number("threshold"));
    }

    [Fact]
    public void An_unknown_parameter_names_the_rule_and_its_parameters()
    {
        var error = Assert.Throws<ArgumentException>(() => Catalog.Resolve("majority", RuleParameters.ParseAssignments(["smoothing=1"])));
        Assert.Equal("Rule 'majority' has no parameter 'smoothing'. Its parameters: threshold, maybe-weight.", error.Message);
    }

    [Theory]
    [InlineData("threshold=1.5", "parameter 'threshold' cannot be '1.5'")]
    [InlineData("prior=1", "parameter 'prior' cannot be '1'")]
    [InlineData("acceleration=fast", "One of: squarem, none")]
    [InlineData("max-iterations=0", "Integer in [1, 1000000]")]
    public void A_bad_value_says_what_is_allowed(string assignment, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Catalog.Resolve("dawid-skene", RuleParameters.ParseAssignments([assignment])));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assignment_without_equals_sign_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => RuleParameters.ParseAssignments(["threshold"]));
        Assert.Contains("key=value", error.Message, StringComparison.Ordinal);
    }
}
