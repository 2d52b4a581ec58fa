// A request whose body WireMock cannot parse, as WireMock is shown it: no body, no Content-Type, and a marker saying why.
package harness.frontdoor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import wiremock.jakarta.servlet.http.HttpServletRequest;

/**
 * WireMock matches it like any request (method, path, headers), so a mapping on {@link #MARKER} answers it; it never
 * reaches the model, whose answer to the body it could not be sent would be a malformed-body error anyway.
 */
final class UnreadableRequest extends BufferedRequest {
  /** The marker header; simulators/front-door-guards.ts matches the same name. */
  static final String MARKER = "X-Harness-Unreadable-Body";

  private final String problem;

  UnreadableRequest(HttpServletRequest request, String problem) {
    super(request, new byte[0]);
    this.problem = problem;
  }

  private static boolean hidden(String name) {
    return "Content-Type".equalsIgnoreCase(name)
        || "Content-Length".equalsIgnoreCase(name)
        || "Transfer-Encoding".equalsIgnoreCase(name);
  }

  @Override
  public String getHeader(String name) {
    if (MARKER.equalsIgnoreCase(name)) return problem;
    return hidden(name) ? null : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    if (MARKER.equalsIgnoreCase(name)) return Collections.enumeration(List.of(problem));
    return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
      String name = e.nextElement();
      if (!hidden(name) && !MARKER.equalsIgnoreCase(name)) names.add(name);
    }
    names.add(MARKER);
    return Collections.enumeration(names);
  }

  @Override
  public String getContentType() {
    return null;
  }

  @Override
  public int getContentLength() {
    return 0;
  }

  @Override
  public long getContentLengthLong() {
    return 0;
  }

  @Override
  public String getCharacterEncoding() {
    return null;
  }
}
