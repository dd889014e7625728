namespace Truto.Cli.Errors;

/// <summary>
/// Knows the secrets of this run (tokens, keys) as they are resolved, and removes them from any text bound for
/// stderr: verbose HTTP logs and error messages.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words; real tokens and keys are long.
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
        {
            lock (_gate)
            {
                _secrets.Add(secret);
            }
        }
    }

    public string Redact(string text)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
