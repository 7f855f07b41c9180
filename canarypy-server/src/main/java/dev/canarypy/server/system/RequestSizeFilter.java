package dev.canarypy.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits request bodies to {@value #MAX_BODY_BYTES} bytes (1 MiB), and those of {@code POST
 * /signals} to {@value #MAX_BATCH_BODY_BYTES} bytes (16 MiB). A declared Content-Length over the
 * limit gets a 413 before the body is read; a chunked body is counted as it is read and fails with
 * {@link RequestTooLargeException}, which {@link ApiExceptionHandler} maps to 413.
 */
// NOTE: Tomcat reads and discards at most server.tomcat.max-swallow-size bytes of a rejected body.
// It closes the connection of a larger body, so that client may see a reset instead of the 413.
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestSizeFilter extends OncePerRequestFilter {

  public static final long MAX_BODY_BYTES = 1024 * 1024;
  public static final long MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    long limit = "/signals".equals(request.getRequestURI()) ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES;
    if (request.getContentLengthLong() > limit) {
      rejectDeclaredLength(request, response, limit);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  /** Returns the message for a body over {@code limit} bytes. */
  static String limitMessage(long limit) {
    return "The request body is larger than this endpoint's limit of "
        + limit
        + " bytes ("
        + limit / (1024 * 1024)
        + " MiB). POST /signals accepts up to "
        + MAX_BATCH_BODY_BYTES / (1024 * 1024)
        + " MiB and every other endpoint up to "
        + MAX_BODY_BYTES / (1024 * 1024)
        + " MiB; send fewer or smaller items.";
  }

  /** Returns the {@link RequestTooLargeException} among the causes of {@code failure}, if any. */
  static RequestTooLargeException tooLarge(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  private static void rejectDeclaredLength(
      HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Content too large");
    problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
    problem.put("detail", limitMessage(limit));
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long limit;
    private long count;

    LimitedInputStream(ServletInputStream body, long limit) {
      this.body = body;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      if (next >= 0) {
        counted(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = body.read(buffer, offset, length);
      if (read > 0) {
        counted(read);
      }
      return read;
    }

    private void counted(int bytes) throws RequestTooLargeException {
      count += bytes;
      if (count > limit) {
        throw new RequestTooLargeException(limitMessage(limit));
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
