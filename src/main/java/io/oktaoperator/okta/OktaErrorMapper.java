package io.oktaoperator.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single mapping from an Okta error response to an exception. It parses Okta's error body and
 * picks the {@link OktaApiException} subclass by HTTP status.
 */
final class OktaErrorMapper {

  private final ObjectMapper mapper;

  OktaErrorMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Builds the exception for a response with a status outside 2xx.
   *
   * @param operation Okta operation id, method and path, such as {@code createUser POST /api/v1/users}
   * @param rateLimitResetAt for HTTP 429, when {@link RateLimiter} lets the bucket be used again
   */
  OktaApiException toException(String operation, int httpStatus, byte[] body, Instant rateLimitResetAt) {
    OktaError error = parseError(body);

    if (httpStatus == 400) {
      return new OktaValidationException(operation, httpStatus, error);
    }
    if (httpStatus == 401) {
      return new OktaAuthenticationException(operation, httpStatus, error);
    }
    if (httpStatus == 404) {
      return new OktaNotFoundException(operation, httpStatus, error);
    }
    if (httpStatus == 409) {
      return new OktaConflictException(operation, httpStatus, error);
    }
    if (httpStatus == 429) {
      return new OktaRateLimitException(operation, error, rateLimitResetAt, false);
    }
    if (httpStatus >= 500 && httpStatus <= 599) {
      return new OktaServerException(operation, httpStatus, error);
    }
    return new OktaApiException(operation, httpStatus, error);
  }

  /**
   * Parses Okta's error body. A missing body, a body that is not JSON (say, an HTML page from a
   * proxy) or one without Okta's fields gives an {@link OktaError} whose fields are null.
   */
  OktaError parseError(byte[] body) {
    if (body == null || body.length == 0) {
      return emptyError();
    }

    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      return emptyError();
    }
    if (root == null || !root.isObject()) {
      return emptyError();
    }

    return new OktaError(
        text(root, "errorCode"), text(root, "errorSummary"), text(root, "errorId"), causes(root));
  }

  private static OktaError emptyError() {
    return new OktaError(null, null, null, List.of());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> causes(JsonNode root) {
    JsonNode causes = root.get("errorCauses");
    if (causes == null || !causes.isArray()) {
      return List.of();
    }

    List<String> summaries = new ArrayList<>();
    for (JsonNode cause : causes) {
      String summary = cause.isTextual() ? cause.asText() : text(cause, "errorSummary");
      if (summary != null) {
        summaries.add(summary);
      }
    }
    return summaries;
  }
}
