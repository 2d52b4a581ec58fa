// Reads multipart and form bodies before WireMock does, and hands WireMock the ones it cannot parse as a marked request without a body.
package harness.frontdoor;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.multipart.PartParser;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;
import wiremock.org.eclipse.jetty.util.MultiMap;
import wiremock.org.eclipse.jetty.util.UrlEncoded;

/**
 * WireMock 3.13.2 parses every multipart body (any {@code multipart/*} type) and every form body while it wraps the
 * request, before any mapping or request filter runs, and answers a failure with a 500 page and a stack trace. This
 * handler runs first: it reads such a body, tries the parse WireMock will do (its own {@link PartParser}; Jetty's
 * {@link UrlEncoded} as WireMock calls it), and
 * <ul>
 *   <li>when it parses, passes the request on with the body it read ({@link BufferedRequest}), so WireMock and the
 *       model see it unchanged;
 *   <li>when it does not, passes on an {@link UnreadableRequest}: no body, no {@code Content-Type}, and the header
 *       {@value UnreadableRequest#MARKER} naming why, which the harness's guard mappings answer with each vendor's
 *       documented error for a malformed body (simulators/front-door-guards.ts).
 * </ul>
 * Every other request passes untouched and unread.
 */
public final class UnreadableBodyGuard extends HandlerWrapper {
  private static final Pattern MULTIPART = Pattern.compile("(?i)^\\s*multipart/.*");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String contentType = request.getHeader("Content-Type");
    boolean multipart = contentType != null && MULTIPART.matcher(contentType).matches();
    boolean form = contentType != null && contentType.contains(FORM);
    if ((!multipart && !form) || target.startsWith("/__admin")) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String problem = multipart ? multipartProblem(request, contentType, body) : formProblem(request, contentType, body);
    super.handle(
        target,
        baseRequest,
        problem == null ? new BufferedRequest(request, body) : new UnreadableRequest(request, problem),
        response);
  }

  /** What WireMock's multipart parse would fail with, or null when it succeeds. */
  private static String multipartProblem(HttpServletRequest request, String contentType, byte[] body) {
    try {
      PartParser.parseFrom(
          ImmutableRequest.create()
              .withAbsoluteUrl("http://front-door" + request.getRequestURI())
              .withMethod(RequestMethod.fromString(request.getMethod()))
              .withHeader("Content-Type", contentType)
              .withBody(body)
              .withMultipart(true)
              .build());
      return null;
    } catch (Exception e) { // FileUpload's exceptions are checked ones, thrown through WireMock unchecked
      return contentType.toLowerCase().contains("boundary=")
          ? "a multipart body that cannot be parsed"
          : "a multipart body without a boundary";
    }
  }

  /** What WireMock's form parse would fail with (bad percent-encoding, invalid UTF-8, an unknown charset), or null. */
  private static String formProblem(HttpServletRequest request, String contentType, byte[] body) {
    try {
      Matcher m = CHARSET.matcher(contentType);
      String text = new String(body, m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8);
      String encoding = request.getCharacterEncoding();
      UrlEncoded.decodeTo(
          text, new MultiMap<>(), encoding == null ? Charset.defaultCharset() : Charset.forName(encoding));
      return null;
    } catch (Exception e) {
      return "a form body that is not valid percent-encoded text";
    }
  }
}
