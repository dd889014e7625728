using Truto.Cli.Errors;

namespace Truto.Cli.Tests.Errors;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new();

    [Fact]
    public void Masks_every_occurrence_of_every_registered_secret()
    {
        _redactor.Add("truto_live_abc123def456");
        _redactor.Add("sk-ant-api03-xyz789");

        _redactor.Redact("token truto_live_abc123def456, key sk-ant-api03-xyz789, again truto_live_abc123def456")
            .ShouldBe("token [REDACTED], key [REDACTED], again [REDACTED]");
    }

    [Fact]
    public void Masks_the_longer_of_two_overlapping_secrets_whole()
    {
        // Given a secret that begins with another
        _redactor.Add("abc123");
        _redactor.Add("abc123-extended-secret");

        // Then no tail of the longer one is left behind
        _redactor.Redact("x abc123-extended-secret y abc123 z").ShouldBe("x [REDACTED] y [REDACTED] z");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12345")]
    public void Ignores_values_too_short_to_be_secrets_so_ordinary_words_survive(string? value)
    {
        _redactor.Add(value);

        _redactor.Redact("abc 12345 abcdef").ShouldBe("abc 12345 abcdef");
    }

    [Fact]
    public void Leaves_text_alone_when_no_secret_is_known()
    {
        _redactor.Redact("error: not logged in").ShouldBe("error: not logged in");
    }
}
