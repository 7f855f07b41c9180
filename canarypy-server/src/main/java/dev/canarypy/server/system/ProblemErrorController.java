package dev.canarypy.server.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page with problem details for errors raised outside the controllers,
 * such as a malformed query string that debug logging of the request parameters reads first.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer number ? number : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail;
    if (causedBy(error, InvalidParameterException.class)) {
      status = HttpStatus.BAD_REQUEST;
      detail =
          "The query string is invalid: every parameter must be percent-encoded UTF-8, such as"
              + " product=my%20app.";
    } else if (status.is5xxServerError()) {
      log.error("Request {} failed unexpectedly", path, error);
      detail = "The server failed to handle the request; the error is in the server log.";
    } else {
      detail = "The request failed: " + status.getReasonPhrase() + ". The API is listed at /docs.";
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    if (path instanceof String uri) {
      try {
        body.setInstance(URI.create(uri));
      } catch (IllegalArgumentException malformed) {
        // The instance is optional; a path that is no valid URI is left out.
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
