namespace Real.Proposals.Registering;

/// <summary>Model ids end up in stream names (model-{id}, predictions-{id}) and file names: a small safe alphabet.</summary>
public static class ModelIds
{
    /// <summary>1 to 64 characters: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public static bool IsValid(string? modelId) =>
        modelId is { Length: > 0 and <= 64 }
        && char.IsAsciiLetterLower(modelId[0]) | char.IsAsciiDigit(modelId[0])
        && modelId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');

    public static string Require(string? modelId) =>
        IsValid(modelId)
            ? modelId!
            : throw new ArgumentException($"Model id '{modelId}' is not valid: use 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.");
}
