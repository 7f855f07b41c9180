package dev.canarypy.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarypy.client.CanaryPyApiException;
import dev.canarypy.client.CanaryPyException;
import dev.canarypy.client.CanaryPyUnreachableException;
import dev.canarypy.client.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to the server and applies the retry policy: connection errors, timeouts and
 * 5xx replies are retried with back-off, 4xx replies fail at once.
 */
public final class HttpTransport {

  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

  private static final String USER_AGENT = "canarypy-java-client";

  private final HttpClient httpClient;
  private final URI baseUri;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final ObjectMapper mapper;
  private final String token;

  /**
   * Creates a transport.
   *
   * @param baseUri the server's base URL without a trailing slash
   * @param connectTimeout how long to wait for a TCP connection
   * @param requestTimeout how long to wait for a reply once a request is sent
   * @param retryPolicy when to retry
   * @param mapper the JSON mapper for error bodies
   * @param token the API token sent as {@code Authorization: Bearer <token>}, or null for none
   */
  public HttpTransport(
      URI baseUri,
      Duration connectTimeout,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      ObjectMapper mapper,
      String token) {
    this.baseUri = baseUri;
    this.token = token;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.mapper = mapper;
    this.httpClient =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Returns the server's base URL. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Sends a request and returns the body of its 2xx reply.
   *
   * @param method the HTTP method
   * @param pathAndQuery the encoded path below the base URL, starting with a slash
   * @param jsonBody the JSON request body, or null for none
   * @throws CanaryPyApiException for a 4xx reply, or a 5xx reply on the last attempt
   * @throws CanaryPyUnreachableException when no attempt got a reply
   * @throws CanaryPyException when the thread is interrupted, with the interrupt flag set again
   */
  public String send(String method, String pathAndQuery, String jsonBody) {
    return send(method, pathAndQuery, jsonBody, retryPolicy);
  }

  /**
   * Sends a request like {@link #send(String, String, String)}, but retries it per the given policy
   * in place of the transport's own. The signal buffer sends with {@link RetryPolicy#noRetries()}
   * because it backs off between attempts itself.
   */
  public String send(String method, String pathAndQuery, String jsonBody, RetryPolicy retryPolicy) {
    URI uri = URI.create(baseUri + pathAndQuery);
    HttpRequest request = buildRequest(method, uri, jsonBody);
    int maxAttempts = retryPolicy.maxAttempts();

    for (int attempt = 1; ; attempt++) {
      Duration serverRequestedDelay = Duration.ZERO;
      String failure;
      try {
        HttpResponse<String> response =
            httpClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status < 400) {
          return response.body();
        }
        CanaryPyApiException error =
            ProblemDetails.toException(mapper, method, uri, status, response.body());
        if (status < 500 || attempt == maxAttempts) {
          throw error;
        }
        failure = "status " + status + " " + error.title();
        serverRequestedDelay = RetryAfter.parse(response.headers().firstValue("Retry-After"));
      } catch (IOException e) {
        if (attempt == maxAttempts) {
          throw new CanaryPyUnreachableException(method, uri, attempt, describe(e), e);
        }
        failure = describe(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CanaryPyException("Interrupted while waiting for " + method + " " + uri, e);
      }

      Duration delay = nextDelay(retryPolicy, attempt, serverRequestedDelay);
      log.warn(
          "{} {} failed on attempt {} of {} ({}); retrying in {} ms",
          method,
          uri,
          attempt,
          maxAttempts,
          failure,
          delay.toMillis());
      sleep(delay, method, uri);
    }
  }

  private HttpRequest buildRequest(String method, URI uri, String jsonBody) {
    HttpRequest.BodyPublisher body =
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", USER_AGENT)
            .method(method, body);
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  private static Duration nextDelay(
      RetryPolicy retryPolicy, int attempt, Duration serverRequestedDelay) {
    Duration delay =
        retryPolicy.delayBeforeRetry(attempt, ThreadLocalRandom.current().nextDouble());
    if (serverRequestedDelay.compareTo(delay) > 0) {
      delay = serverRequestedDelay;
    }
    Duration maxDelay = retryPolicy.maxDelay();
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static void sleep(Duration delay, String method, URI uri) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CanaryPyException("Interrupted while waiting to retry " + method + " " + uri, e);
    }
  }

  /**
   * Describes a connection failure in a few words. The JDK's HTTP client often throws a {@link
   * ConnectException} without a message, so this names the failure by its type where needed.
   */
  static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "request timed out";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
