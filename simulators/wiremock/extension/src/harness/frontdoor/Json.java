// The two string helpers the answers need: JSON escaping, and a reason cut down to text that names no address.
package harness.frontdoor;

final class Json {
  private Json() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.toString();
  }

  /** Jetty's reason text without anything that looks like a host and port or a URL (it never should, but it is not ours). */
  static String plain(String reason) {
    return reason.replaceAll("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*", "<url>").replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?", "<address>");
  }
}
