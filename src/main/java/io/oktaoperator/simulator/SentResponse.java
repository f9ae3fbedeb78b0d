package io.oktaoperator.simulator;

import java.util.List;
import java.util.Map;

/**
 * A response of the simulator together with the method and target of its request.
 *
 * @param method HTTP method of the request, in upper case
 * @param path request path as sent, still percent-encoded, such as {@code /api/v1/users/00u...}
 * @param query raw query string without the {@code ?}, still percent-encoded; empty when absent
 * @param status HTTP status code
 * @param headers response headers, names as the JDK's HTTP server stores them (first letter upper case)
 * @param body response body as UTF-8 text; empty when the response has none
 */
public record SentResponse(
    String method, String path, String query, int status, Map<String, List<String>> headers, String body) {

  public SentResponse {
    headers = Map.copyOf(headers);
  }
}
