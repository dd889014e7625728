using System.Text;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Output.Formatters;

public sealed class TableFormatterTests
{
    [Fact]
    public async Task On_a_terminal_writes_a_header_and_aligned_columns_from_the_column_spec()
    {
        // Given a wide terminal
        var terminal = new TestTerminal(interactive: true, width: 100);
        var output = Renderer.On(terminal, OutputFormat.Table);

        // When accounts are listed with a column spec that reaches into a nested object
        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        // Then the spec's headers and paths make the columns, aligned, nothing shortened
        terminal.Stdout.ShouldBe("""
            ID                                    TENANT     INTEGRATION  STATUS
            7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01  acme-corp  hubspot      active
            0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b  globex     zendesk      needs_reauth

            """);
        terminal.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task On_a_narrow_terminal_shortens_the_widest_cells_with_an_ellipsis_to_fit_the_width()
    {
        var terminal = new TestTerminal(interactive: true, width: 40);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        terminal.Stdout.ShouldBe("""
            ID        TENANT    INTEGRAT…  STATUS
            7c3f1a5…  acme-co…  hubspot    active
            0b9e8d7…  globex    zendesk    needs_re…

            """);
        Lines(terminal.Stdout).ShouldAllBe(line => line.Length <= 40);
    }

    [Fact]
    public async Task Without_a_column_spec_takes_the_columns_from_the_first_records_fields()
    {
        var terminal = new TestTerminal(interactive: true, width: 80);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteListAsync([new { name = "ci", scopes = new[] { "read", "write" } }, new { name = "deploy", scopes = Array.Empty<string>() }], [], CancellationToken.None);

        terminal.Stdout.ShouldBe("""
            NAME    SCOPES
            ci      read, write
            deploy

            """);
    }

    [Fact]
    public async Task On_a_terminal_writes_a_single_object_as_field_value_pairs()
    {
        var terminal = new TestTerminal(interactive: true, width: 80);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteObjectAsync(Records.HubSpotAccount(), CancellationToken.None);

        terminal.Stdout.ShouldBe("""
            id           7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01
            tenant_id    acme-corp
            integration  {"name":"hubspot","category":"crm"}
            status       active
            is_sandbox   false
            created_at   2024-03-01T10:15:00.000Z

            """);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_inside_values_do_not_break_rows_apart()
    {
        var record = Records.HubSpotAccount().With(new { tenant_id = "acme\r\ncorp\nwest\tside\rend" });
        var onTerminal = new TestTerminal(interactive: true, width: 100);
        var piped = new TestTerminal();

        await Renderer.On(onTerminal, OutputFormat.Table).WriteListAsync([record], Records.AccountColumns, CancellationToken.None);
        await Renderer.On(piped, OutputFormat.Table).WriteListAsync([record], Records.AccountColumns, CancellationToken.None);

        onTerminal.Stdout.ShouldBe("""
            ID                                    TENANT                   INTEGRATION  STATUS
            7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01  acme corp west side end  hubspot      active

            """);
        piped.Stdout.ShouldBe("7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01\tacme corp west side end\thubspot\tactive\n");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(33)]
    [InlineData(60)]
    [InlineData(120)]
    public async Task Never_throws_nor_splits_a_surrogate_pair_whatever_the_text_and_width(int width)
    {
        // Given records of arbitrary text: emoji and other astral characters, CJK, combining marks, right-to-left,
        // zero-width joiners, control characters; the same seed every run
        var random = new Random(20240301 + width);
        var records = Enumerable.Range(0, 30)
            .Select(_ => (object)new JObject
            {
                ["id"] = ArbitraryText(random),
                ["tenant_id"] = ArbitraryText(random),
                ["integration"] = new JObject { ["name"] = ArbitraryText(random) },
                ["status"] = ArbitraryText(random),
            })
            .ToArray();
        var terminal = new TestTerminal(interactive: true, width: width);
        var output = Renderer.On(terminal, OutputFormat.Table);

        // When they are listed on a terminal of that width
        await output.WriteListAsync(records, Records.AccountColumns, CancellationToken.None);
        await output.WriteObjectAsync(records[0], CancellationToken.None);

        // Then there is a line per row, and every surrogate pair is whole
        Lines(terminal.Stdout).Length.ShouldBe(1 + records.Length + 4);
        HasLoneSurrogate(terminal.Stdout).ShouldBeFalse(terminal.Stdout);

        // And the table fits whenever the width leaves each column room for a few characters and an ellipsis
        if (width >= Records.AccountColumns.Length * 6 + (Records.AccountColumns.Length - 1) * 2)
        {
            Lines(terminal.Stdout).ShouldAllBe(line => line.Length <= width);
        }
    }

    [Fact]
    public async Task Shortens_before_an_emoji_rather_than_through_it()
    {
        // Given a one-column table 20 wide, and a value whose cut (19 characters and the ellipsis) would fall
        // between the two halves of an emoji
        var terminal = new TestTerminal(interactive: true, width: 20);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteListAsync([new { note = "abcdefghijklmnopqr\U0001F600stuvwxyz" }], [new("NOTE", "note")], CancellationToken.None);

        // Then the emoji goes whole
        terminal.Stdout.ShouldBe("""
            NOTE
            abcdefghijklmnopqr…

            """);
    }

    [Fact]
    public async Task Piped_writes_tab_separated_rows_without_a_header()
    {
        var terminal = new TestTerminal(width: 100);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteListAsync(Records.Accounts(), Records.AccountColumns, CancellationToken.None);

        terminal.Stdout.ShouldBe(
            "7c3f1a52-9d4e-4b8a-a1f2-5e6d7c8b9a01\tacme-corp\thubspot\tactive\n" +
            "0b9e8d7c-6f5a-4e3d-b2c1-a09f8e7d6c5b\tglobex\tzendesk\tneeds_reauth\n");
    }

    [Fact]
    public async Task Piped_shortens_nothing_however_long_the_values_and_narrow_the_width()
    {
        var description = string.Concat(Enumerable.Repeat("a long description that goes on ", 20));
        var terminal = new TestTerminal(width: 20);
        var output = Renderer.On(terminal, OutputFormat.Table);

        await output.WriteListAsync([new { id = "tok_1", description }], [], CancellationToken.None);
        await output.WriteObjectAsync(new { id = "tok_1", description }, CancellationToken.None);

        terminal.Stdout.ShouldBe($"tok_1\t{description}\nid\ttok_1\ndescription\t{description}\n");
        terminal.Stdout.ShouldNotContain("…");
    }

    private static string[] Lines(string text) => text.Split('\n')[..^1];

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Alphabet =
    [
        "a", "Z", "7", " ", "-", ",", "\"", "…", "é", "ß", "日", "本", "語", "한", "ا", "ש", "\u0301", "\u200D", "\u200B",
        "\u2028", "\t", "\n", "\r\n", "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\U0001F1F3\U0001F1F4", "\U00020BB7", "\U0001D11E",
    ];

    private static string ArbitraryText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 60);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
