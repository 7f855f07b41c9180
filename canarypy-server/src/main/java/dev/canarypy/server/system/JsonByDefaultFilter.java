package dev.canarypy.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads request bodies that carry no {@code Content-Type}, a wildcard type, or curl's default form
 * type, as JSON.
 *
 * <p>The Python client of the original server posts JSON without a content type, and {@code curl
 * -d} labels a JSON body as a form; both must keep working.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JsonByDefaultFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    boolean hasBody = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    // A wildcard such as */* names no media type, and Spring rejects it as a Content-Type with an
    // IllegalArgumentException, so it is read as JSON like a missing type.
    if (hasBody
        && (contentType == null
            || contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
            || contentType.contains("*"))) {
      chain.doFilter(new JsonRequest(request), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static final class JsonRequest extends HttpServletRequestWrapper {

    JsonRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return MediaType.APPLICATION_JSON_VALUE;
    }

    @Override
    public String getHeader(String name) {
      if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
        return MediaType.APPLICATION_JSON_VALUE;
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
        return Collections.enumeration(Collections.singletonList(MediaType.APPLICATION_JSON_VALUE));
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      java.util.List<String> names = Collections.list(super.getHeaderNames());
      if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
        names.add(HttpHeaders.CONTENT_TYPE);
      }
      return Collections.enumeration(names);
    }
  }
}
