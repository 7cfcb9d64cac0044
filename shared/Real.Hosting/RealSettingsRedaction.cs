using System.Text.RegularExpressions;

namespace Real.Hosting;

/// <summary>Hides passwords in connection strings and URIs before they reach a log line or an error message.</summary>
public static partial class RealSettingsRedaction
{
    public static string Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        // amqp://user:secret@host -> amqp://user:***@host ; Password=secret; -> Password=***;
        var uri = UriPassword().Replace(value, "$1***@");
        return KeyValuePassword().Replace(uri, "$1***");
    }

    [GeneratedRegex(@"(://[^:/@\s]*:)[^@\s]*@")]
    private static partial Regex UriPassword();

    [GeneratedRegex(@"((?:^|;)\s*(?:Password|Pwd)\s*=\s*)[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
