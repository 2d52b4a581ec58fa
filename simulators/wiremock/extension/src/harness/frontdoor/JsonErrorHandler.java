// Jetty's error pages as one plain JSON answer: no HTML, no stack trace, no exception message that could name an address.
package harness.frontdoor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.http.HttpStatus;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The platform model's own error shape ({@code {"error": ..., "message": ...}}) for what Jetty answers itself: a
 * request it refuses while parsing (an encoded NUL in the path, a header over the limit, a bad request line) and an
 * exception escaping WireMock. The path is not trusted at that point (it may be what failed), so no vendor is named.
 */
public final class JsonErrorHandler extends ErrorHandler {
  static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  /** The answer's body: the status's kind and a message made only of Jetty's reason text and an exception's type. */
  static byte[] body(int status, String reason) {
    String kind = status >= 500 ? "front-door-error" : "bad-request";
    String message =
        "the front door could not handle this request: "
            + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
    return ("{\"error\":\"" + kind + "\",\"message\":\"" + Json.escape(message) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Refused while parsing, before any handler ran (Jetty then closes the connection). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason == null ? null : Json.plain(reason)));
  }

  /** An error inside a handler: the status is already set; the reason is the exception's type only. */
  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String reason =
        thrown instanceof Throwable
            ? "WireMock failed with " + ((Throwable) thrown).getClass().getSimpleName()
            : HttpStatus.getMessage(response.getStatus());
    byte[] body = body(response.getStatus(), reason);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
  }
}
