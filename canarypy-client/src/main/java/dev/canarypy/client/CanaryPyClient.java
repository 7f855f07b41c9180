package dev.canarypy.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarypy.client.internal.HttpTransport;
import dev.canarypy.client.internal.Json;
import dev.canarypy.client.internal.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A client of a CanaryPy server's REST API over the JDK's {@code java.net.http}.
 *
 * <p>A typical job requests the version to run, runs it, and reports the outcome:
 *
 * <pre>{@code
 * CanaryPyClient canaryPy = CanaryPyClient.fromEnvironment();
 * LatestRelease latest = canaryPy.getLatestStableVersion("nightly-report", hostName);
 * boolean ok = run(latest.semverVersion());
 * canaryPy.sendSignalToCanary(latest.product().artifactUrl(), latest.semverVersion(), hostName,
 *     ok ? "report written" : "report failed", ok ? SignalStatus.SUCCESS : SignalStatus.FAILED);
 * }</pre>
 *
 * <p>Requests that get no reply or a 5xx reply are retried according to the {@link RetryPolicy},
 * and each retry is logged at WARN through SLF4J. A job that must not lose its signal while the
 * server is briefly down reports it with {@link #reportSignal} and calls {@link #close()} (or
 * {@link #flush}) before it exits.
 *
 * <p>Instances are thread-safe; share one per server. The settings are immutable, and the only
 * mutable state is the buffer of undelivered signals, which is guarded by a lock.
 */
public final class CanaryPyClient implements CanaryPy, AutoCloseable {

  /** The environment variable that contains the server's base URL. */
  public static final String URL_VARIABLE = "CANARYPY_URL";

  /** The environment variable that contains the API token, for servers that require one. */
  public static final String TOKEN_VARIABLE = "CANARYPY_TOKEN";

  /** The base URL used when {@value #URL_VARIABLE} is not set. */
  public static final String DEFAULT_URL = "http://localhost:8080";

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final int MAX_PORT = 65_535;

  private final HttpTransport transport;
  private final String actor;
  private final Consumer<String> replyListener;
  private final SignalBuffer signalBuffer;
  private final Duration closeTimeout;

  /** Creates a client for the server at {@code baseUrl} with the default timeouts and retries. */
  public CanaryPyClient(String baseUrl) {
    this(builder().baseUrl(baseUrl));
  }

  private CanaryPyClient(Builder builder) {
    this.transport =
        new HttpTransport(
            builder.baseUri,
            builder.connectTimeout,
            builder.requestTimeout,
            builder.retryPolicy,
            MAPPER,
            builder.token);
    this.actor = builder.actor;
    this.replyListener = builder.replyListener;
    this.signalBuffer =
        new SignalBuffer(
            new HttpSignalSender(),
            transport.baseUri(),
            builder.signalBufferCapacity,
            builder.signalBufferInitialDelay,
            builder.signalBufferMaxDelay);
    this.closeTimeout = builder.closeTimeout;
  }

  /**
   * Creates a client for the server named by the {@value #URL_VARIABLE} environment variable, or
   * {@value #DEFAULT_URL} when it is unset or empty, that sends the API token in {@value
   * #TOKEN_VARIABLE} when that is set and not empty.
   */
  public static CanaryPyClient fromEnvironment() {
    return builder().baseUrl(urlFromEnvironment()).token(tokenFromEnvironment()).build();
  }

  /** Returns the API token from {@value #TOKEN_VARIABLE}, or null when it is unset or empty. */
  public static String tokenFromEnvironment() {
    String token = System.getenv(TOKEN_VARIABLE);
    return token == null || token.isBlank() ? null : token.trim();
  }

  /** Returns the server URL from {@value #URL_VARIABLE}, or {@value #DEFAULT_URL}. */
  public static String urlFromEnvironment() {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? DEFAULT_URL : url.trim();
  }

  /**
   * Starts a client configuration with the defaults: {@value #DEFAULT_URL}, 5 s connect and 10 s
   * request timeouts, {@link RetryPolicy#DEFAULT}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the server's base URL as the client uses it, without a trailing slash. */
  public URI baseUri() {
    return transport.baseUri();
  }

  @Override
  public LatestRelease getLatestStableVersion(String productName) {
    return get(UrlPaths.of("release", productName, "latest"), LatestRelease.class);
  }

  @Override
  public LatestRelease getLatestStableVersion(String productName, String instanceId) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("instance_id", instanceId);
    String path = UrlPaths.withQuery(UrlPaths.of("release", productName, "latest"), query);
    return get(path, LatestRelease.class);
  }

  @Override
  public Product createProduct(String name, String repositoryUrl, String artifactUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("repository_url", repositoryUrl);
    body.put("artifact_url", artifactUrl);
    return post("/product", body, Product.class);
  }

  @Override
  public List<Product> listProducts() {
    return getList("/product", Product.class);
  }

  @Override
  public Product getProduct(String id) {
    return get(UrlPaths.of("product", id), Product.class);
  }

  @Override
  public Release createRelease(ReleaseRequest request) {
    return post("/release", request, Release.class);
  }

  @Override
  public List<Release> listReleases(String productName) {
    return getList(UrlPaths.of("release", productName), Release.class);
  }

  @Override
  public Release getRelease(String productName, String semverVersion) {
    return get(UrlPaths.of("release", productName, semverVersion), Release.class);
  }

  @Override
  public Release getStableRelease(String productName) {
    return get(UrlPaths.of("release", productName, "stable"), Release.class);
  }

  @Override
  public Release promote(String productName, String semverVersion, String reason) {
    return changeStatus(productName, semverVersion, "promote", reason);
  }

  @Override
  public Release rollback(String productName, String semverVersion, String reason) {
    return changeStatus(productName, semverVersion, "rollback", reason);
  }

  @Override
  public Release pause(String productName, String semverVersion, String reason) {
    return changeStatus(productName, semverVersion, "pause", reason);
  }

  @Override
  public Release resume(String productName, String semverVersion, String reason) {
    return changeStatus(productName, semverVersion, "resume", reason);
  }

  private Release changeStatus(
      String productName, String semverVersion, String action, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (reason != null) {
      body.put("reason", reason);
    }
    if (actor != null) {
      body.put("actor", actor);
    }
    return post(UrlPaths.of("release", productName, semverVersion, action), body, Release.class);
  }

  @Override
  public List<ReleaseEvent> listEvents(String productName, String semverVersion) {
    return getList(
        UrlPaths.of("release", productName, semverVersion, "events"), ReleaseEvent.class);
  }

  @Override
  public Signal sendSignal(SignalRequest signal) {
    return post("/signal", signal, Signal.class);
  }

  @Override
  public int sendSignals(List<SignalRequest> signals) {
    Map<?, ?> reply = post("/signals", signals, Map.class);
    Object accepted = reply.get("accepted");
    if (!(accepted instanceof Number number)) {
      throw new CanaryPyException(
          "POST " + baseUri() + "/signals returned no \"accepted\" count: " + reply);
    }
    return number.intValue();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first attempt uses the client's {@link RetryPolicy}, on the calling thread. When the
   * server cannot be reached or replies with a 5xx status after those retries, the signal goes to
   * the end of an in-memory buffer, and a daemon thread resends the buffer oldest-first through
   * {@code POST /signals}, backing off exponentially with jitter between failed attempts. While the
   * buffer is not empty, new signals go behind it without a request of their own, so the server
   * receives one thread's signals in the order they were reported. A 4xx rejection is logged at
   * ERROR, counted in {@link #rejectedSignals()} and discarded, because resending it cannot
   * succeed.
   *
   * <p>The buffer holds up to {@link Builder#signalBufferCapacity} signals; when it is full, the
   * oldest is dropped and counted in {@link #droppedSignals()}. Buffered signals live in memory
   * only, so they are lost when the process ends before they are delivered: call {@link #flush} or
   * {@link #close()} before the job exits.
   *
   * <p>NOTE: delivery is at least once. A signal whose request reached the server but whose reply
   * was lost (a request timeout or a dropped connection) is resent, and the server then stores and
   * counts it twice.
   *
   * @throws IllegalStateException when the client is closed
   */
  @Override
  public void reportSignal(SignalRequest signal) {
    signalBuffer.report(Objects.requireNonNull(signal, "signal"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A waiting resend is started at once. Signals reported by other threads during the flush also
   * have to be delivered before this returns true.
   */
  @Override
  public boolean flush(Duration timeout) {
    return signalBuffer.flush(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Stops accepting signals to report, tries to deliver the buffered ones within the {@linkplain
   * Builder#closeTimeout close timeout}, and stops the thread that resends them. Signals still
   * buffered after that are logged at ERROR and lost. The other methods keep working after close.
   */
  @Override
  public void close() {
    signalBuffer.close(closeTimeout);
  }

  /** Returns the number of reported signals waiting in the buffer, including those being sent. */
  public int bufferedSignals() {
    return signalBuffer.bufferedSignals();
  }

  /** Returns the number of reported signals dropped because the buffer was full. */
  public long droppedSignals() {
    return signalBuffer.droppedSignals();
  }

  /** Returns the number of reported signals that the server rejected with a 4xx status. */
  public long rejectedSignals() {
    return signalBuffer.rejectedSignals();
  }

  /** Returns the number of reported signals delivered from the buffer after a failed attempt. */
  public long deliveredFromBuffer() {
    return signalBuffer.deliveredFromBuffer();
  }

  /** Returns the buffer's resend thread for tests, or null before a signal was first buffered. */
  Thread signalBufferThread() {
    return signalBuffer.thread();
  }

  @Override
  public List<Signal> listSignals(String productName, String semverVersion, Integer limit) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("product", productName);
    query.put("semver_version", semverVersion);
    query.put("limit", limit);
    return getList(UrlPaths.withQuery("/signal", query), Signal.class);
  }

  /**
   * Creates an API token and returns it with its value, which the server shows only this once.
   * Needs an admin token once any token exists. Token management is not part of {@link CanaryPy},
   * because applications do not manage tokens.
   *
   * @param scope {@code signal} or {@code admin}
   */
  public CreatedToken createToken(String name, String scope) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("scope", scope);
    return post("/token", body, CreatedToken.class);
  }

  /** Lists the API tokens by name, without their values; needs an admin token. */
  public List<ApiToken> listTokens() {
    return getList("/token", ApiToken.class);
  }

  /** Revokes an API token, so that the server rejects it from now on; needs an admin token. */
  public void revokeToken(String name) {
    transport.send("DELETE", UrlPaths.of("token", name), null);
  }

  private <T> T get(String path, Class<T> type) {
    return read("GET", path, transport.send("GET", path, null), MAPPER.constructType(type));
  }

  private <T> List<T> getList(String path, Class<T> elementType) {
    JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, elementType);
    return read("GET", path, transport.send("GET", path, null), listType);
  }

  private <T> T post(String path, Object body, Class<T> type) {
    String json = toJson("POST", path, body);
    return read("POST", path, transport.send("POST", path, json), MAPPER.constructType(type));
  }

  private static String toJson(String method, String path, Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new CanaryPyException("Cannot write the request body of " + method + " " + path, e);
    }
  }

  private <T> T read(String method, String path, String body, JavaType type) {
    replyListener.accept(body);
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CanaryPyException(
          method
              + " "
              + baseUri()
              + path
              + " returned a reply that is not a valid "
              + type.getRawClass().getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Sends the signal buffer's requests. The replies are not read, because a 2xx status already
   * means that the server stored the signals, so the reply listener does not see them.
   */
  private final class HttpSignalSender implements SignalBuffer.Sender {

    @Override
    public void sendWithRetries(SignalRequest signal) {
      transport.send("POST", "/signal", toJson("POST", "/signal", signal));
    }

    @Override
    public void sendOnce(SignalRequest signal) {
      transport.send("POST", "/signal", toJson("POST", "/signal", signal), RetryPolicy.noRetries());
    }

    @Override
    public void sendBatchOnce(List<SignalRequest> signals) {
      transport.send(
          "POST", "/signals", toJson("POST", "/signals", signals), RetryPolicy.noRetries());
    }
  }

  /** Collects the settings of a {@link CanaryPyClient}. */
  public static final class Builder {
    private URI baseUri = parseBaseUrl(DEFAULT_URL);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private String actor;
    private String token;
    private Consumer<String> replyListener = body -> {};
    private int signalBufferCapacity = 10_000;
    private Duration signalBufferInitialDelay = Duration.ofSeconds(1);
    private Duration signalBufferMaxDelay = Duration.ofSeconds(30);
    private Duration closeTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the server's base URL, such as {@code http://canarypy.internal:8080}. A path prefix is
     * kept, for a server behind a proxy at {@code https://tools.example.com/canarypy}.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUri = parseBaseUrl(baseUrl);
      return this;
    }

    /** Sets how long to wait for a TCP connection to the server. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sets how long to wait for the server's reply to each attempt of a request. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
      return this;
    }

    /** Sets when failed requests are retried; {@link RetryPolicy#noRetries()} turns retries off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets who the server records as the actor of this client's promote, rollback, pause and resume
     * requests in the release's audit trail; without it the server records {@code api}.
     */
    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    /**
     * Sets the API token sent with every request as {@code Authorization: Bearer <token>}; null
     * sends none, which suits a server on which no token exists yet. A server that has tokens
     * records the token's name as the actor of manual actions, in place of {@link #actor}.
     *
     * @throws IllegalArgumentException when the token is blank or contains whitespace or control
     *     characters
     */
    public Builder token(String token) {
      if (token != null && (token.isBlank() || !token.chars().allMatch(Builder::isTokenChar))) {
        throw new IllegalArgumentException(
            "Invalid API token: it must not be blank or contain whitespace or control characters");
      }
      this.token = token;
      return this;
    }

    private static boolean isTokenChar(int character) {
      return character > ' ' && character < 0x7f;
    }

    /**
     * Sets a listener that receives the body of every successful reply, unchanged, before the
     * client reads it. The canarypy command uses it to print the server's own JSON; it also suits
     * debugging. The listener runs on the calling thread and must not throw.
     */
    public Builder replyListener(Consumer<String> replyListener) {
      this.replyListener = Objects.requireNonNull(replyListener, "replyListener");
      return this;
    }

    /**
     * Sets how many undelivered signals {@link CanaryPyClient#reportSignal} keeps in memory, 10,000
     * by default. When the buffer is full, the oldest signal is dropped.
     *
     * @throws IllegalArgumentException when the capacity is less than 1
     */
    public Builder signalBufferCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException(
            "signalBufferCapacity must be at least 1, got " + capacity);
      }
      this.signalBufferCapacity = capacity;
      return this;
    }

    /**
     * Sets the delays between the buffer's attempts to resend: {@code initialDelay} after the first
     * failure (1 s by default), doubling with each further failure up to {@code maxDelay} (30 s by
     * default), each shortened by a random fraction of up to a half so that many clients do not
     * resend in step.
     *
     * @throws IllegalArgumentException when a delay is not positive or {@code initialDelay} exceeds
     *     {@code maxDelay}
     */
    public Builder signalBufferRetryDelays(Duration initialDelay, Duration maxDelay) {
      requirePositive(initialDelay, "initialDelay");
      requirePositive(maxDelay, "maxDelay");
      if (initialDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException(
            "initialDelay " + initialDelay + " must not exceed maxDelay " + maxDelay);
      }
      this.signalBufferInitialDelay = initialDelay;
      this.signalBufferMaxDelay = maxDelay;
      return this;
    }

    /**
     * Sets how long {@link CanaryPyClient#close()} waits for buffered signals to be delivered, 5 s
     * by default.
     */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = requirePositive(closeTimeout, "closeTimeout");
      return this;
    }

    /** Returns a client with these settings. */
    public CanaryPyClient build() {
      return new CanaryPyClient(this);
    }

    private static Duration requirePositive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }
  }

  /** Parses and normalises a base URL: absolute, http or https, no trailing slash, no query. */
  static URI parseBaseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String trimmed = baseUrl.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid CanaryPy server URL '" + baseUrl + "': " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Invalid CanaryPy server URL '"
              + baseUrl
              + "': expected an absolute http or https URL such as "
              + DEFAULT_URL);
    }
    if (uri.getPort() > MAX_PORT) {
      throw new IllegalArgumentException(
          "Invalid CanaryPy server URL '"
              + baseUrl
              + "': port "
              + uri.getPort()
              + " is out of range; use a port from 1 to "
              + MAX_PORT);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Invalid CanaryPy server URL '" + baseUrl + "': a base URL has no query or fragment");
    }
    return uri;
  }
}
