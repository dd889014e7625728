using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Errors;

namespace Truto.Plugins.Build.LlmTests;

/// <summary>The refinement agent against a scripted Anthropic stub: the loop, its tools, errors and budget.</summary>
public sealed class RefinerAgentTests
{
    [Fact]
    public async Task Reads_the_sources_patches_validates_and_finishes_with_the_patched_file()
    {
        // Given a model that reads the overview and a method, patches, validates and finishes
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueToolUse("read_source_overview", new { }, text: "Let me look at the sources.")
            .EnqueueToolUse("read_source_method", new { id = "getContact" })
            .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
            .EnqueueToolUse("validate_integration", new { })
            .EnqueueToolUse("finish", new { summary = "Set the base URL and added contacts list/get." });
        var extracted = Fixtures.ExtractedAcme();

        // When the agent runs
        var result = await harness.Refiner.RefineAsync(extracted, InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        // Then the file carries the patch, the run finished in five turns, and the input is untouched
        result.Finished.ShouldBeTrue();
        result.Turns.ShouldBe(5);
        result.Summary.ShouldBe("Set the base URL and added contacts list/get.");
        result.Integration.SelectToken("config.base_url")!.ToString().ShouldBe("https://{{subdomain}}.acme.test/api");
        result.Integration.SelectToken("config.resources.contacts.get.path")!.ToString().ShouldBe("/contacts/{{id}}");
        extracted.SelectToken("config.base_url")!.ToString().ShouldBe("");

        // And each tool's answer went back as a tool_result for its tool_use id
        var requests = harness.Stub.Requests;
        requests.Count.ShouldBe(5);
        requests[0].ToolNames.ShouldBe(["read_source_overview", "read_source_method", "search_source", "read_current", "validate_integration", "apply_patch", "finish"]);
        requests[1].ToolResults.Single()["content"]!.ToString().ShouldContain("listContacts: GET /contacts - List contacts");
        requests[2].ToolResults.Single()["content"]!.ToString().ShouldContain("GET /contacts/{id}");
        requests[3].ToolResults.Single()["content"]!.ToString().ShouldStartWith("Applied 2 operation(s). Validation now: 0 error(s)");
        requests[4].ToolResults.Single()["content"]!.ToString().ShouldContain("No findings");
        var toolUseId = requests[1].Messages[1]["content"]!.Last!["id"]!.ToString();
        requests[1].ToolResults.Single()["tool_use_id"]!.ToString().ShouldBe(toolUseId);
        harness.ProgressLines.ShouldContain(l => l.StartsWith("turn 3/10: apply_patch - patch applied (2 operation(s)): base URL and contacts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_patch_is_answered_with_an_error_tool_result_and_the_loop_continues()
    {
        // Given a model whose first patch points below a missing parent and whose second has no operations
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueToolUse("apply_patch", new { operations = new[] { new { op = "add", path = "/config/nope/deeper", value = 1 } } })
            .EnqueueToolUse("apply_patch", new { operations = "not an array" })
            .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
            .EnqueueToolUse("finish", new { summary = "done" });

        // When the agent runs
        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        // Then the bad patches came back as errors that say what to fix, and the good one was applied
        var requests = harness.Stub.Requests;
        var first = requests[1].ToolResults.Single();
        first["is_error"]!.Value<bool>().ShouldBeTrue();
        first["content"]!.ToString().ShouldBe("Operation 1 (add /config/nope/deeper): /config/nope does not exist; `add` its parent first. Nothing was applied.");
        var second = requests[2].ToolResults.Single();
        second["is_error"]!.Value<bool>().ShouldBeTrue();
        second["content"]!.ToString().ShouldContain("`operations` must be a non-empty array");
        requests[3].ToolResults.Single()["is_error"].ShouldBeNull();
        result.Finished.ShouldBeTrue();
        result.Integration.SelectToken("config.nope").ShouldBeNull();
    }

    [Fact]
    public async Task A_failing_tool_is_reported_to_the_model_as_an_error_not_thrown()
    {
        // Given a source index whose search throws, and a model that asks for an unknown method and an unknown tool
        await using var harness = await RefinerHarness.StartAsync();
        var sources = new InMemorySourceIndex("Acme", []) { SearchOverride = _ => throw new InvalidOperationException("index is corrupt") };
        harness.Stub
            .EnqueueToolUses(null, ("search_source", new { query = "pagination" }), ("read_source_method", new { id = "nope" }), ("summon", new { }))
            .EnqueueText("I cannot continue.");

        // When the agent runs out of its two turns
        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), sources, harness.Options(maxTurns: 2), CancellationToken.None);

        // Then every call got an error result, in order
        var results = harness.Stub.Requests[1].ToolResults;
        results.Select(r => r["is_error"]!.Value<bool>()).ShouldBe([true, true, true]);
        results[0]["content"]!.ToString().ShouldBe("The tool `search_source` failed: index is corrupt");
        results[1]["content"]!.ToString().ShouldStartWith("No source operation has id `nope`.");
        results[2]["content"]!.ToString().ShouldStartWith("Unknown tool `summon`.");
        result.Finished.ShouldBeFalse();
    }

    [Fact]
    public async Task Finish_is_refused_while_validation_fails()
    {
        // Given a model that tries to finish before fixing the file, then fixes it
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueToolUse("finish", new { summary = "too early" })
            .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
            .EnqueueToolUse("finish", new { summary = "now complete" });

        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        var refusal = harness.Stub.Requests[1].ToolResults.Single();
        refusal["is_error"]!.Value<bool>().ShouldBeTrue();
        refusal["content"]!.ToString().ShouldContain("error [presence_check] /config/base_url");
        result.Summary.ShouldBe("now complete");
        result.Turns.ShouldBe(3);
    }

    [Fact]
    public async Task Running_out_of_turns_returns_the_file_so_far_unfinished()
    {
        // Given a model that patches and then keeps reading
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueToolUse("apply_patch", new { operations = new[] { new { op = "replace", path = "/config/base_url", value = "https://{{subdomain}}.acme.test/api" } } })
            .EnqueueToolUse("read_source_overview", new { })
            .EnqueueToolUse("read_current", new { path = "/config" });

        // When the budget is three turns
        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(maxTurns: 3), CancellationToken.None);

        // Then the run stops unfinished with the patch kept and says why
        result.Finished.ShouldBeFalse();
        result.Turns.ShouldBe(3);
        result.Integration.SelectToken("config.base_url")!.ToString().ShouldBe("https://{{subdomain}}.acme.test/api");
        result.Summary.ShouldBe("Stopped after 3 turns (the --max-turns budget) before the agent finished; 1 patch(es) applied.");
        harness.Stub.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_answer_without_tool_calls_is_nudged_to_continue()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueText("I think the file is fine.")
            .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
            .EnqueueToolUse("finish", new { summary = "done" });

        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        result.Finished.ShouldBeTrue();
        var nudge = harness.Stub.Requests[1].Messages.Last!;
        nudge["role"]!.ToString().ShouldBe("user");
        nudge["content"]!.ToString().ShouldContain("Continue with the tools");
    }

    [Fact]
    public async Task Sends_the_key_in_the_x_api_key_header_of_every_request_and_never_as_a_bearer_token()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueRateLimit().EnqueueToolUse("read_source_overview", new { }).EnqueueToolUse("apply_patch", Fixtures.CompletingPatch()).EnqueueToolUse("finish", new { summary = "ok" });

        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        harness.Stub.Requests.Count.ShouldBe(4);
        harness.Stub.Requests.ShouldAllBe(r => r.Raw.Header("x-api-key") == Fixtures.AnthropicKey);
        harness.Stub.Requests.ShouldAllBe(r => r.Raw.Header("authorization") == null);
        harness.Stub.Requests.ShouldAllBe(r => r.Raw.Header("anthropic-version") != null && !r.Raw.Header("anthropic-version")!.Contains(','));
    }

    [Fact]
    public async Task Retries_a_rate_limit_and_server_errors_then_succeeds()
    {
        // Given a 429 with retry-after 0, a 529 and a 500 before the real answer
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueRateLimit(0).EnqueueOverloaded().EnqueueServerError().EnqueueText("Done.", "end_turn");

        var result = await harness.Refiner.ProposeAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), "nothing", harness.Options(), CancellationToken.None);

        // Then the fourth attempt carried the answer, and the same body was sent each time
        result.Summary.ShouldBe("Done.");
        harness.Stub.Requests.Count.ShouldBe(4);
        harness.Stub.Requests.Select(r => r.Raw.Body).Distinct().Count().ShouldBe(1);
        harness.Stub.Requests.Select(r => r.Raw.Header("x-stainless-retry-count")).ShouldBe(["0", "1", "2", "3"]);
    }

    [Fact]
    public async Task Gives_up_after_the_retries_with_a_message_that_says_what_to_do_and_no_key()
    {
        await using var harness = await RefinerHarness.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            harness.Stub.EnqueueOverloaded();
        }

        var error = await Should.ThrowAsync<CliException>(() =>
            harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None));

        error.Message.ShouldStartWith("The Anthropic API is overloaded: HTTP 529: Overloaded");
        error.Message.ShouldContain("(request req_stub");
        error.Hint.ShouldNotBeNull().ShouldContain("Try again in a few minutes");
        error.ToString().ShouldNotContain(Fixtures.AnthropicKey);
        harness.Stub.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_fails_at_once_instead_of_blocking()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueRateLimit(retryAfterSeconds: 3600);

        var error = await Should.ThrowAsync<CliException>(() =>
            harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None));

        error.Message.ShouldStartWith("The Anthropic API is rate limiting this key: HTTP 429");
        harness.Stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_key_is_reported_without_the_key()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueError(401, "authentication_error", "invalid x-api-key");

        var error = await Should.ThrowAsync<CliException>(() =>
            harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None));

        error.Message.ShouldStartWith("The Anthropic API rejected the key: HTTP 401: invalid x-api-key");
        error.Hint.ShouldNotBeNull().ShouldContain("--anthropic-api-key");
        error.ToString().ShouldNotContain(Fixtures.AnthropicKey);
        harness.Stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sends_the_chosen_model_and_the_standing_instructions_in_the_system_prompt()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueToolUse("apply_patch", Fixtures.CompletingPatch()).EnqueueToolUse("finish", new { summary = "ok" });

        await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(),
            harness.Options(model: "claude-sonnet-4-6", instructions: "Never add webhooks."), CancellationToken.None);

        harness.Stub.Requests.ShouldAllBe(r => r.Model == "claude-sonnet-4-6");
        harness.Stub.Requests[0].System.ShouldContain("Standing instructions from the user (follow them):\nNever add webhooks.");
        harness.Stub.Requests[0].System.ShouldContain("RFC 6902 JSON Patch");
        harness.Stub.Requests[0].Messages[0]["content"]!.ToString().ShouldContain("\"name\":\"acme\"");
    }

    [Fact]
    public async Task Propose_applies_the_instruction_as_a_patch_and_finishes_without_the_checklist()
    {
        // Given an incomplete file and an instruction
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueToolUse("apply_patch", new { operations = new[] { new { op = "replace", path = "/label", value = "Acme" } } })
            .EnqueueToolUse("finish", new { summary = "Renamed the label to Acme." });

        var result = await harness.Refiner.ProposeAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), "Call it Acme", harness.Options(), CancellationToken.None);

        result.Finished.ShouldBeTrue();
        result.Summary.ShouldBe("Renamed the label to Acme.");
        result.Integration["label"]!.ToString().ShouldBe("Acme");
        var request = harness.Stub.Requests[0];
        request.Messages[0]["content"]!.ToString().ShouldStartWith("Instruction: Call it Acme");
        request.System.ShouldContain("The user gives one instruction");
    }

    [Fact]
    public async Task A_paused_turn_is_resumed_unchanged_and_a_truncated_answer_is_asked_to_continue()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub
            .EnqueueText("Thinking about the spec", "pause_turn")
            .EnqueueText("The patch would be", "max_tokens")
            .EnqueueToolUse("apply_patch", Fixtures.CompletingPatch())
            .EnqueueToolUse("finish", new { summary = "done" });

        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        result.Finished.ShouldBeTrue();
        var requests = harness.Stub.Requests;
        requests[1].Messages.Last!["role"]!.ToString().ShouldBe("assistant");
        requests[2].Messages.Last!["content"]!.ToString().ShouldStartWith("Your answer was cut off.");
        harness.ProgressLines.Take(2).ShouldBe(["turn 1/10: pause_turn", "turn 2/10: max_tokens"]);
    }

    [Fact]
    public async Task A_refusal_ends_the_run_unfinished_with_the_model_s_words()
    {
        await using var harness = await RefinerHarness.StartAsync();
        harness.Stub.EnqueueText("I can't help with that.", "refusal");

        var result = await harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), CancellationToken.None);

        result.Finished.ShouldBeFalse();
        result.Summary.ShouldBe("The model declined to continue: I can't help with that.");
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        await using var harness = await RefinerHarness.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            harness.Refiner.RefineAsync(Fixtures.ExtractedAcme(), InMemorySourceIndex.AcmeCrm(), harness.Options(), cancelled.Token));
    }
}
