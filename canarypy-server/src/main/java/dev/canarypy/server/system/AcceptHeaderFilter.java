package dev.canarypy.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects a POST, PUT, PATCH or DELETE whose {@code Accept} header excludes JSON with 406 before
 * the request is carried out. Spring checks {@code Accept} only when it writes the reply, so
 * without this filter a signal could be stored and its client still receive a 406.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class AcceptHeaderFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || SAFE_METHODS.contains(request.getMethod()) || acceptsJson(accept)) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Not acceptable");
    problem.put("status", HttpStatus.NOT_ACCEPTABLE.value());
    problem.put(
        "detail",
        "The Accept header excludes application/json, the only type this endpoint returns; send"
            + " Accept: application/json or leave the header out. The request was not carried"
            + " out.");
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }

  private static boolean acceptsJson(String accept) {
    try {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0) {
          return true;
        }
      }
      return false;
    } catch (InvalidMediaTypeException invalid) {
      return false;
    }
  }
}
