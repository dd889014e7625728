using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;
using Truto.Plugins.Build.Caching;

namespace Truto.Plugins.Build.Llm;

/// <summary>
/// One agent run's connection to the Messages API through the official SDK: the client aimed at the run's base URL,
/// the transport (key header, cache, retries) under it, and API failures turned into messages a user can act on.
/// The key is held only by the transport; nothing here prints it.
/// </summary>
internal sealed class AnthropicSession : IDisposable
{
    private readonly AnthropicClient _client;
    private readonly AnthropicTransport _transport;
    private readonly string _apiKey;
    private readonly Uri _baseUrl;

    public AnthropicSession(string apiKey, Uri baseUrl, string? cacheDirectory, bool refreshCache, AnthropicTransportSettings settings, TimeProvider time)
    {
        _apiKey = apiKey;
        _baseUrl = baseUrl;
        var cache = cacheDirectory is null ? null : new DiskCache(cacheDirectory, AnthropicTransportSettings.CacheTimeToLive, time);
        _transport = new AnthropicTransport(apiKey, cache, refreshCache, settings, time);
        _client = new AnthropicClient(new ClientOptions
        {
            // Explicit key and base URL, so neither ANTHROPIC_API_KEY nor ANTHROPIC_BASE_URL of the process leaks in.
            ApiKey = apiKey,
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
            MaxRetries = 0,
            Timeout = settings.Timeout,
            Handlers = [_transport],
        });
    }

    public int CacheHits => _transport.CacheHits;

    public async Task<Message> CreateAsync(MessageCreateParams parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.Messages.Create(parameters, cancellationToken);
        }
        catch (AnthropicApiException e)
        {
            throw Describe(e);
        }
        catch (AnthropicIOException e)
        {
            throw new CliException(
                Scrub($"Could not reach the Anthropic API at {_baseUrl}: {e.Message}"),
                "Check the network connection and --anthropic-base-url / ANTHROPIC_BASE_URL, then run the build again.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(
                $"The Anthropic API at {_baseUrl} did not answer in time.",
                "Run the build again; answers already received are cached, so it resumes where it stopped.");
        }
    }

    private CliException Describe(AnthropicApiException e)
    {
        var status = (int)e.StatusCode;
        var detail = e is AnthropicServiceException service && !string.IsNullOrEmpty(service.ApiMessage) ? service.ApiMessage : e.Message;
        var request = string.IsNullOrEmpty(e.RequestID) ? "" : $" (request {e.RequestID})";
        var (what, hint) = status switch
        {
            401 => ("The Anthropic API rejected the key", "Check the key: --anthropic-api-key, ANTHROPIC_API_KEY or `truto profiles set-key anthropic`."),
            403 => ("The Anthropic key may not use this model or feature", "Check the key's workspace permissions, or choose another model with --anthropic-model."),
            404 => ("The Anthropic API does not know this model or endpoint", "Check --anthropic-model and --anthropic-base-url."),
            429 => ("The Anthropic API is rate limiting this key", "Wait a minute and run the build again; answers already received are cached."),
            529 => ("The Anthropic API is overloaded", "Try again in a few minutes; answers already received are cached."),
            >= 500 => ("The Anthropic API failed", "Try again in a few minutes; answers already received are cached."),
            _ => ("The Anthropic API refused the request", "Run with -v for details; if it persists, report it with the request id."),
        };
        return new CliException(Scrub($"{what}: HTTP {status}: {detail}{request}"), hint, ExitCodes.Failure);
    }

    /// <summary>Defence in depth: a message that somehow quotes the key shows it masked.</summary>
    private string Scrub(string text) => text.Replace(_apiKey, SecretMask.Mask(_apiKey), StringComparison.Ordinal);

    public void Dispose() => _client.Dispose();

    public override string ToString() => $"Anthropic at {_baseUrl} (key {SecretMask.Mask(_apiKey)})";
}
