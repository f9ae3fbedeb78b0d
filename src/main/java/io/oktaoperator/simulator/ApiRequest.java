package io.oktaoperator.simulator;

import java.util.List;

/**
 * A request as the endpoints see it.
 *
 * @param method HTTP method in upper case
 * @param pathSegments the path split at {@code /}, each segment percent-decoded ({@code +} kept)
 * @param query decoded query parameters
 * @param contentType the {@code Content-Type} header, or null
 * @param body the request body, empty when none was sent
 * @param origin scheme, host and port for links in the response, such as {@code http://127.0.0.1:8181}
 */
record ApiRequest(
    String method, List<String> pathSegments, QueryParameters query, String contentType, byte[] body, String origin) {}
