using System.Text;
using CsCheck;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Api;
using Truto.Cli.Output.Formatters;

namespace Truto.Cli.Tests.Api;

/// <summary>
/// A list page read the fast way (pooled bytes, records handed over raw for ndjson) gives exactly what parsing it
/// whole gives: the same records, and raw bytes used only where they equal Newtonsoft's compact JSON.
/// </summary>
public sealed class ListPageBodyProperties
{
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.OneOf<string>(",", "\"", "\n", "\t", " ", "\\", "/", "é", "日本", "\U0001F600", "\u2028", "\u0085", "null", "{", "]"))
        .Array[0, 8]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<JToken> Number = Gen.OneOf<JToken>(
        Gen.Long.Select(n => (JToken)new JValue(n)),
        Gen.Decimal.Select(n => (JToken)new JValue(n)),
        Gen.OneOf<string>("1e3", "-0", "-0.5", "0.10", "12345678901234567890", "1.5E-7", "-12").Select(text => JToken.Parse(text)));

    private static readonly Gen<JToken> Value = Gen.OneOf(
        Text.Select(t => (JToken)new JValue(t)),
        Number,
        Gen.Bool.Select(b => (JToken)new JValue(b)),
        Gen.Const<JToken>(JValue.CreateNull()),
        Text.Array[0, 3].Select(items => (JToken)new JArray(items)),
        Text.Select(t => (JToken)new JObject { ["inner"] = t }));

    private static readonly Gen<JObject> Record = Gen.Select(Text.Where(n => n.Length > 0), Value).Array[0, 6]
        .Select(pairs =>
        {
            var record = new JObject();
            foreach (var (name, value) in pairs)
            {
                record[name] = value;
            }

            return record;
        });

    [Fact]
    public void Raw_records_are_verbatim_only_where_they_equal_newtonsofts_compact_json_and_parse_to_the_records()
    {
        Gen.Select(Record.Array[0, 6], Gen.Bool, Gen.Bool, Gen.Bool).Sample((records, indented, escapeNonAscii, hasMore) =>
        {
            var envelope = new JObject { ["result"] = new JArray(records), ["next_cursor"] = hasMore ? "abc" : null, ["limit"] = 7 };
            using var page = Page(Serialize(envelope, indented, escapeNonAscii));

            page.NextCursor.ShouldBe(hasMore ? "abc" : null);
            page.Limit.ShouldBe(7);
            var raw = page.RawRecords().ToList(); // one instance reused: check each as it comes instead
            raw.Count.ShouldBe(records.Length);
            var i = 0;
            foreach (var record in page.RawRecords())
            {
                var expected = Reparsed(records[i++]);
                var parsed = record is RawJsonObject r ? r.ToJObject() : (JObject)record;
                JToken.DeepEquals(parsed, expected).ShouldBeTrue(parsed.ToString(Formatting.None));
                if (record is RawJsonObject { IsVerbatim: true } verbatim)
                {
                    var text = new StringWriter();
                    var chars = new char[4];
                    verbatim.WriteTo(text, ref chars);
                    text.ToString().ShouldBe(expected.ToString(Formatting.None));
                }
            }

            page.Records().Select(r => r.ToString(Formatting.None)).ShouldBe(records.Select(r => Reparsed(r).ToString(Formatting.None)));
        }, iter: 300);
    }

    [Fact]
    public void Ndjson_copied_as_bytes_to_a_stream_equals_ndjson_written_as_text_in_the_same_order()
    {
        // Records that are verbatim and records that are not, mixed: bytes and text must come out in record order,
        // after text the writer already held, with page boundaries anywhere.
        Gen.Select(Record.Array[0, 8], Gen.Bool, Gen.Int[1, 4]).Sample((records, indented, pageSize) =>
        {
            var json = Serialize(new JObject { ["result"] = new JArray(records) }, indented, escapeNonAscii: false);
            using var textPage = Page(json);
            using var bytesPage = Page(json);

            FormatThroughStream(new NdjsonFormatter(), bytesPage.RawRecords(), pageSize)
                .ShouldBe("before\n" + Format(new NdjsonFormatter(), textPage.RawRecords()));
        }, iter: 300);
    }

    [Fact]
    public void A_record_larger_than_the_byte_buffer_is_copied_whole_and_in_order()
    {
        var big = new JObject { ["id"] = "big", ["blob"] = new string('x', 200_000) };
        var json = new JObject { ["result"] = new JArray(new JObject { ["id"] = "a" }, big, new JObject { ["id"] = "b", ["s"] = "x\u2028y" }) }.ToString(Formatting.None);
        using var page = Page(json);

        FormatThroughStream(new NdjsonFormatter(), page.RawRecords(), pageSize: 2)
            .ShouldBe("before\n{\"id\":\"a\"}\n" + big.ToString(Formatting.None) + "\n{\"id\":\"b\",\"s\":\"x\\u2028y\"}\n");
    }

    [Fact]
    public void A_record_whose_bytes_are_not_utf8_is_not_verbatim_and_comes_out_as_its_parse_does()
    {
        // A decoder makes a stray byte U+FFFD: copying the bytes would put something else on stdout.
        byte[] json = [.. "{\"result\":[{\"a\":\"x"u8, 0xFF, .. "y\"},{\"a\":\"\u00e9 ok\"},{\"a\":\"cut "u8, 0xE2, 0x82, .. "\"}]}"u8];
        using var page = Page(json);

        page.RawRecords().Select(r => r is RawJsonObject { IsVerbatim: true }).ShouldBe([false, true, false]);
        FormatThroughStream(new NdjsonFormatter(), page.RawRecords(), pageSize: 1)
            .ShouldBe("before\n{\"a\":\"x\uFFFDy\"}\n{\"a\":\"\u00e9 ok\"}\n{\"a\":\"cut \uFFFD\"}\n");
    }

    [Fact]
    public void Csv_from_raw_records_equals_csv_from_parsed_records()
    {
        // Records with at least one field: CSV of an empty object fails the same way on both paths (CsvHelper refuses a
        // record with no fields), which is outside what this compares.
        Gen.Select(Record.Where(r => r.HasValues).Array[0, 6], Gen.Bool).Sample((records, indented) =>
        {
            var json = Serialize(new JObject { ["result"] = new JArray(records) }, indented, escapeNonAscii: false);
            using var rawPage = Page(json);
            using var parsedPage = Page(json);
            var fromRaw = new StringWriter();
            var fromParsed = new StringWriter();

            new CsvFormatter().WriteRecordsAsync(rawPage.RawRecords().ToAsyncEnumerable(), [], fromRaw, CancellationToken.None).GetAwaiter().GetResult();
            new CsvFormatter().WriteRecordsAsync(parsedPage.Records().Cast<object>().ToAsyncEnumerable(), [], fromParsed, CancellationToken.None).GetAwaiter().GetResult();

            fromRaw.ToString().ShouldBe(fromParsed.ToString());
            using var streamedPage = Page(json);
            FormatThroughStream(new CsvFormatter(), streamedPage.RawRecords(), pageSize: 2).ShouldBe("before\n" + fromParsed);
        }, iter: 300);
    }

    [Fact]
    public void Csv_and_ndjson_of_a_listing_shaped_page_equal_those_of_its_parsed_records()
    {
        // A real listing: every record has the same fields in the same order, mostly plain values. These are the
        // records the byte-level paths exist for, so most rows here take them.
        var scalar = Gen.OneOf(
            Text.Select(t => (JToken)new JValue(t)),
            Number,
            Gen.Bool.Select(b => (JToken)new JValue(b)),
            Gen.Const<JToken>(JValue.CreateNull()));
        var names = Text.Where(n => n.Length > 0).Array[1, 5].Select(n => n.Distinct().ToArray());
        Gen.Select(names, Gen.Int[0, 8], Gen.Bool).SelectMany((fields, count, indented) =>
            scalar.Array[fields.Length].Array[count].Select(rows => (fields, rows, indented))).Sample(sample =>
        {
            var (fields, rows, indented) = sample;
            var records = rows.Select(values => new JObject(fields.Zip(values, (name, value) => new JProperty(name, value)))).ToArray();
            var json = Serialize(new JObject { ["result"] = new JArray(records), ["next_cursor"] = null }, indented, escapeNonAscii: false);

            Format(new CsvFormatter(), json, raw: true).ShouldBe(Format(new CsvFormatter(), json, raw: false));
            Format(new NdjsonFormatter(), json, raw: true).ShouldBe(Format(new NdjsonFormatter(), json, raw: false));
            using var ndjsonPage = Page(json);
            FormatThroughStream(new NdjsonFormatter(), ndjsonPage.RawRecords(), pageSize: 3).ShouldBe("before\n" + Format(new NdjsonFormatter(), json, raw: false));
            using var csvPage = Page(json);
            FormatThroughStream(new CsvFormatter(), csvPage.RawRecords(), pageSize: 3).ShouldBe("before\n" + Format(new CsvFormatter(), json, raw: false));
        }, iter: 300);
    }

    [Fact]
    public void Raw_records_skip_values_that_are_not_objects_as_parsed_records_do()
    {
        const string Json = """{"limit":2,"result":[1,"a]}{",{"id":"a","tags":[{"x":"]"}]},[{"id":"nested"}],null,-2.5e3,true,{"id":"b"}],"next_cursor":"c1"}""";
        using var page = Page(Json);

        var raw = page.RawRecords().Select(r => ((RawJsonObject)r).ToJObject().ToString(Formatting.None)).ToList();

        raw.ShouldBe(["""{"id":"a","tags":[{"x":"]"}]}""", """{"id":"b"}"""]);
        using var parsed = Page(Json);
        parsed.Records().Select(r => r.ToString(Formatting.None)).ShouldBe(raw);
        page.NextCursor.ShouldBe("c1");
    }

    [Fact]
    public void Records_holding_characters_newtonsoft_escapes_are_not_verbatim_and_come_out_escaped()
    {
        // An API need not escape U+0085, U+2028 or U+2029; Newtonsoft does, so such a record is written from its parse.
        using var page = Page("{\"result\":[{\"a\":\"x\u2028y\"},{\"a\":\"x\u0085y\"},{\"a\":\"x\u2029y\"},{\"a\":\"\u1028 long enough for sixteen bytes\"}]}");

        page.RawRecords().Select(r => r is RawJsonObject { IsVerbatim: true }).ShouldBe([false, false, false, true]);
        Format(new NdjsonFormatter(), page.RawRecords()).ShouldBe("{\"a\":\"x\\u2028y\"}\n{\"a\":\"x\\u0085y\"}\n{\"a\":\"x\\u2029y\"}\n{\"a\":\"\u1028 long enough for sixteen bytes\"}\n");
    }

    [Theory]
    [InlineData("{\"result\":[],\"next_cursor\":\"c\\u0031\"}")] // an escaped cursor
    [InlineData("{\"res\\u0075lt\":[]}")] // an escaped name
    [InlineData("{\"result\":[],}")] // a trailing comma
    [InlineData("{\"result\":[] /* c */}")] // a comment
    public void Envelopes_the_scan_does_not_read_itself_are_left_to_the_full_parse(string json)
    {
        Scan(json).ShouldBeNull();
    }

    [Fact]
    public void An_envelope_with_more_members_than_an_envelope_has_is_left_to_the_full_parse()
    {
        var members = string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"x{i}\":{i}"));

        Scan("{" + members + ",\"result\":[]}").ShouldBeNull();
        Scan("{" + string.Join(",", Enumerable.Range(0, 14).Select(i => $"\"x{i}\":{i}")) + ",\"result\":[{\"id\":1}],\"limit\":9}")!.Limit.ShouldBe(9);
    }

    [Fact]
    public async Task A_listing_whose_records_take_the_general_path_is_not_flushed_record_by_record()
    {
        // Nested values: no row can be written from the bytes, so every row goes through CsvHelper's own buffer.
        var records = Enumerable.Range(0, 200).Select(i => new JObject { ["id"] = i, ["integration"] = new JObject { ["name"] = "hubspot" } });
        using var page = Page(new JObject { ["result"] = new JArray(records) }.ToString(Formatting.None));
        var output = new FlushCountingWriter();

        await new CsvFormatter().WriteRecordsAsync(page.RawRecords().ToAsyncEnumerable(), [], output, CancellationToken.None);

        output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(201);
        output.Flushes.ShouldBeLessThanOrEqualTo(2);
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }

    [Fact]
    public void A_compact_page_of_plain_records_is_handed_over_verbatim()
    {
        using var page = Page("""{"result":[{"id":"a","n":1,"ok":true,"x":null,"d":"1.50"},{"id":"日本","p":0.25}],"next_cursor":null,"limit":5000}""");

        page.RawRecords().Select(r => r is RawJsonObject { IsVerbatim: true }).ShouldBe([true, true]);
    }

    [Fact]
    public void Every_record_of_a_page_larger_than_the_pooled_minimum_comes_out_whole()
    {
        var records = Enumerable.Range(0, 3000)
            .Select(i => new JObject { ["id"] = $"token-{i}", ["name"] = new string('x', i % 97), ["n"] = i })
            .ToArray();
        using var page = Page(new JObject { ["result"] = new JArray(records), ["next_cursor"] = null }.ToString(Formatting.None));

        var written = new StringWriter();
        var chars = new char[16];
        foreach (var record in page.RawRecords())
        {
            ((RawJsonObject)record).WriteTo(written, ref chars);
            written.Write('\n');
        }

        written.ToString().ShouldBe(string.Concat(records.Select(r => r.ToString(Formatting.None) + "\n")));
    }

    [Fact]
    public void The_documented_results_key_and_non_object_items_are_handled_as_a_whole_parse_would()
    {
        using var page = Page("""{"results":[1,{"id":"a"},"x",{"id":"b"}],"next_cursor":""}""");

        page.NextCursor.ShouldBeNull();
        page.Records().Select(r => (string?)r["id"]).ShouldBe(["a", "b"]);
    }

    private static string Format(IRecordFormatter formatter, string json, bool raw)
    {
        using var page = Page(json);
        return Format(formatter, raw ? page.RawRecords() : page.Records());
    }

    private static string Format(IRecordFormatter formatter, IEnumerable<object> records)
    {
        var output = new StringWriter();
        formatter.WriteRecordsAsync(records.ToAsyncEnumerable(), [], output, CancellationToken.None).GetAwaiter().GetResult();
        return output.ToString();
    }

    /// <summary>
    /// Formats onto a UTF-8 StreamWriter over a stream, as stdout is (small buffer, text already waiting in it),
    /// handing pending output over every <paramref name="pageSize"/> records as the renderer does between pages.
    /// </summary>
    private static string FormatThroughStream(IRecordFormatter formatter, IEnumerable<object> records, int pageSize)
    {
        var stream = new MemoryStream();
        using (var output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16, leaveOpen: true))
        {
            output.Write("before\n");
            formatter.WriteRecordsAsync(Paged(records, formatter, output, pageSize), [], output, CancellationToken.None).GetAwaiter().GetResult();
            formatter.WritePending();
            output.Flush();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async IAsyncEnumerable<object> Paged(IEnumerable<object> records, IRecordFormatter formatter, TextWriter output, int pageSize)
    {
        var count = 0;
        foreach (var record in records)
        {
            if (++count % pageSize == 0)
            {
                formatter.WritePending();
                await output.FlushAsync();
            }

            yield return record;
        }
    }

    /// <summary>What the API client makes of a record: strings stay strings, non-integers are decimal.</summary>
    private static JObject Reparsed(JObject record)
    {
        using var reader = new JsonTextReader(new StringReader(record.ToString(Formatting.None)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JObject.Load(reader);
    }

    private static string Serialize(JObject envelope, bool indented, bool escapeNonAscii)
    {
        var text = new StringWriter();
        using var writer = new JsonTextWriter(text)
        {
            Formatting = indented ? Formatting.Indented : Formatting.None,
            StringEscapeHandling = escapeNonAscii ? StringEscapeHandling.EscapeNonAscii : StringEscapeHandling.Default,
        };
        envelope.WriteTo(writer);
        writer.Flush();
        return text.ToString();
    }

    private static ListPageBody Page(string json) => Scan(json) ?? throw new InvalidOperationException("not scanned: " + json);

    private static ListPageBody Page(byte[] json) => Scan(new ByteArrayContent(json)) ?? throw new InvalidOperationException("not scanned");

    private static ListPageBody? Scan(string json) => Scan(new StringContent(json, Encoding.UTF8, "application/json"));

    private static ListPageBody? Scan(HttpContent content)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = PooledContent.ReadAsync(content, CancellationToken.None).GetAwaiter().GetResult(),
        };
        return ListPageBody.TryScan(response, (PooledContent)response.Content);
    }
}
