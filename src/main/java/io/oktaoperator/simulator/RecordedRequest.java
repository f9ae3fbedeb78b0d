package io.oktaoperator.simulator;

/**
 * One request that the simulator received, including rejected ones.
 *
 * @param method HTTP method, such as {@code POST}
 * @param path request path as sent, still percent-encoded, such as {@code /api/v1/users/00u...}
 * @param query raw query string without the {@code ?}, still percent-encoded; empty when absent
 * @param status HTTP status code of the response, or {@link #NO_RESPONSE}
 */
public record RecordedRequest(String method, String path, String query, int status) {

  /** Status recorded when the connection failed before a response could be sent. */
  public static final int NO_RESPONSE = 0;
}
