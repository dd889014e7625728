namespace Truto.Cli.Sdk.Profiles;

/// <summary>The one way truto shows a secret it is not asked to reveal: at most its first and last four characters.</summary>
public static class SecretMask
{
    /// <summary>Masks a secret: <c>abcd…wxyz</c> for long values, fewer characters for short ones, <c>****</c> for very short.</summary>
    /// <param name="secret">The secret, or null.</param>
    /// <returns>The masked text, or an empty string for null.</returns>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "";
        }

        // Show at most a third of the value, and never more than four characters at each end.
        var shown = Math.Min(4, secret.Length / 6);
        return shown == 0 ? "****" : $"{secret[..shown]}…{secret[^shown..]}";
    }
}
