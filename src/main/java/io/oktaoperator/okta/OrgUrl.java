package io.oktaoperator.okta;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Validation of the Okta org URL: an https base URL, or plain http to a loopback address when the
 * caller allows it for a local simulator. The API token travels in every request, so the check
 * is strict and never resolves a host name.
 */
final class OrgUrl {

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private OrgUrl() {}

  /**
   * Checks {@code orgUrl} and returns it as the base URL of every request, with the path {@code /}.
   *
   * @throws IllegalArgumentException naming what to fix
   */
  static HttpUrl parse(URI orgUrl, boolean allowInsecureLoopback) {
    if (orgUrl == null) {
      throw new IllegalArgumentException("orgUrl is missing; set it to the Okta org URL, such as https://acme.okta.com");
    }
    if (orgUrl.getRawUserInfo() != null) {
      // The user info may hold a password, so the message leaves the URL out.
      throw new IllegalArgumentException(
          "orgUrl must not contain user info (user:password@); the API token is the only credential");
    }
    String scheme = orgUrl.getScheme() == null ? null : orgUrl.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || orgUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "orgUrl '" + orgUrl + "' is not an absolute URL with a host; use the form https://acme.okta.com");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("orgUrl '" + orgUrl + "' has the scheme '" + scheme + "'; use https");
    }

    String path = orgUrl.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || orgUrl.getRawQuery() != null
        || orgUrl.getRawFragment() != null) {
      // A path here would be prepended to /api/v1/users, and a 404 from the wrong path would read
      // as "user not found".
      throw new IllegalArgumentException(
          "orgUrl '" + orgUrl + "' must be the org's base URL without a path, query or fragment, such as https://acme.okta.com");
    }

    if (scheme.equals("http")) {
      checkPlainHttpAllowed(orgUrl, allowInsecureLoopback);
    }

    String authority = orgUrl.getRawAuthority();
    return HttpUrl.get(scheme + "://" + authority + "/");
  }

  private static void checkPlainHttpAllowed(URI orgUrl, boolean allowInsecureLoopback) {
    boolean loopback = isLoopbackHost(orgUrl.getHost());
    if (allowInsecureLoopback && loopback) {
      return;
    }
    if (loopback) {
      throw new IllegalArgumentException(
          "orgUrl '" + orgUrl + "' uses plain http; use https, or set allowInsecureLoopback(true) for a local simulator");
    }
    throw new IllegalArgumentException(
        "orgUrl '" + orgUrl + "' uses plain http to a host that is not a loopback address; use https "
            + "(plain http is allowed only to 127.0.0.0/8, ::1 or localhost, with allowInsecureLoopback(true))");
  }

  /**
   * Returns true when {@code host} is {@code localhost}, an IPv4 literal in 127.0.0.0/8 or the IPv6
   * loopback literal {@code ::1} (brackets allowed). No host name is resolved, so a DNS name that
   * points at 127.0.0.1 does not count.
   */
  static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }

    if (IPV4_LITERAL.matcher(host).matches()) {
      return isIpv4Loopback(host);
    }

    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!literal.contains(":")) {
      return false;
    }
    try {
      // Given a string with a colon, getByName parses it as an IPv6 literal and makes no DNS query.
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Checks a dotted-quad IPv4 literal without InetAddress: the JDK treats some literals with leading
   * zeros as host names and would resolve them.
   */
  private static boolean isIpv4Loopback(String ipv4) {
    String[] octets = ipv4.split("\\.");
    for (String octet : octets) {
      boolean leadingZero = octet.length() > 1 && octet.charAt(0) == '0';
      if (leadingZero || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return octets[0].equals("127");
  }
}
