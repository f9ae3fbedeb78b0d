package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A response before it is written.
 *
 * @param status HTTP status code
 * @param body JSON body, or null for an empty body
 * @param links values of {@code Link} headers, one header each
 */
record ApiResponse(int status, JsonNode body, List<String> links) {

  static ApiResponse json(JsonNode body) {
    return new ApiResponse(200, body, List.of());
  }

  /** Returns 200 with an empty body, as deactivate sends. */
  static ApiResponse emptyOk() {
    return new ApiResponse(200, null, List.of());
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null, List.of());
  }
}
