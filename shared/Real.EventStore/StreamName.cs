namespace Real.EventStore;

/// <summary>Stream naming rules shared by every backend: a stream's category is its name's prefix before the first '-'.</summary>
public static class StreamName
{
    public static string Category(string stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        var dash = stream.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? stream : stream[..dash];
    }

    /// <summary>Builds "category-id", rejecting a category that itself holds a '-'.</summary>
    public static string For(string category, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (category.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Category '{category}' must not contain '-'.", nameof(category));
        }

        return $"{category}-{id}";
    }
}
