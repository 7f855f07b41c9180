package dev.canarypy.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A JDK HTTP server on 127.0.0.1 that sends scripted replies in order, repeating the last one, and
 * records every request it receives.
 */
final class StubServer implements AutoCloseable {

  /** One scripted reply. */
  record Reply(int status, String contentType, String body, String retryAfter, long delayMillis) {

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, null, 0);
    }

    static Reply problem(int status, String body) {
      return new Reply(status, "application/problem+json", body, null, 0);
    }

    Reply withRetryAfter(String seconds) {
      return new Reply(status, contentType, body, seconds, delayMillis);
    }

    Reply delayedBy(long millis) {
      return new Reply(status, contentType, body, retryAfter, millis);
    }
  }

  /** One received request. */
  record Received(
      String method,
      String rawPathAndQuery,
      String contentType,
      String body,
      String authorization) {}

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private Reply lastReply;

  StubServer(Reply... script) throws IOException {
    replies.addAll(List.of(script));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Replaces the replies still scripted, so that the next request gets the first given one. */
  synchronized void replyNext(Reply... script) {
    replies.clear();
    replies.addAll(List.of(script));
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    synchronized (this) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath()
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body,
              exchange.getRequestHeaders().getFirst("Authorization")));
      if (!replies.isEmpty()) {
        lastReply = replies.poll();
      }
      reply = lastReply;
    }
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    if (reply.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
    }
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
