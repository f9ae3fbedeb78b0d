package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP entry point. For every request it counts the rate limit, checks the
 * {@code Content-Length} of body-less POSTs and the API token, calls {@link UsersApi}, turns errors
 * into Okta error bodies, sets the rate-limit headers, and records the request.
 */
final class ApiHttpHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);

  /** Host header values that are safe to copy into links: host name or IP literal, optional port. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

  private final UsersApi usersApi;
  private final RateLimiter rateLimiter;
  private final ApiTokenAuthenticator authenticator;
  private final RequestLog requestLog;
  private final RandomIds ids;
  private final ObjectMapper mapper;
  private final String defaultOrigin;
  private final List<ResponseListener> responseListeners;

  ApiHttpHandler(
      UsersApi usersApi,
      RateLimiter rateLimiter,
      ApiTokenAuthenticator authenticator,
      RequestLog requestLog,
      RandomIds ids,
      ObjectMapper mapper,
      String defaultOrigin,
      List<ResponseListener> responseListeners) {
    this.usersApi = usersApi;
    this.rateLimiter = rateLimiter;
    this.authenticator = authenticator;
    this.requestLog = requestLog;
    this.ids = ids;
    this.mapper = mapper;
    this.defaultOrigin = defaultOrigin;
    this.responseListeners = responseListeners;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    URI uri = exchange.getRequestURI();
    String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String rawQuery = uri.getRawQuery();
    String query = rawQuery == null ? "" : rawQuery;
    boolean recorded = false;
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      List<String> pathSegments = decodePath(rawPath);
      RateLimiter.Decision decision = rateLimiter.acquire(RateLimitBucket.forRequest(method, pathSegments));
      RateLimitHeaders.set(exchange.getResponseHeaders(), decision);
      exchange.getResponseHeaders().set("X-Okta-Request-Id", ids.nextRequestId());

      ApiResponse response;
      try {
        response = respond(exchange, method, pathSegments, rawQuery, body, decision);
      } catch (ApiErrorException e) {
        response = errorResponse(e.error());
      } catch (RuntimeException e) {
        LOG.error("Request {} {} failed", method, rawPath, e);
        response = errorResponse(ApiErrors.internalError());
      }
      byte[] bytes = prepare(exchange, response);
      // Recorded before the response is sent, so a client that has the response finds its request in the log.
      requestLog.add(new RecordedRequest(method, rawPath, query, response.status()));
      recorded = true;
      notifyListeners(method, rawPath, query, response.status(), exchange.getResponseHeaders(), bytes);
      LOG.debug("{} {} -> {}", method, rawPath, response.status());
      send(exchange, method, response.status(), bytes);
    } catch (IOException e) {
      LOG.debug("Could not complete the exchange of {} {}", method, rawPath, e);
    } finally {
      if (!recorded) {
        requestLog.add(new RecordedRequest(method, rawPath, query, RecordedRequest.NO_RESPONSE));
      }
      exchange.close();
    }
  }

  private ApiResponse respond(
      HttpExchange exchange,
      String method,
      List<String> pathSegments,
      String rawQuery,
      byte[] body,
      RateLimiter.Decision decision) {
    if (!decision.allowed()) {
      throw ApiErrors.rateLimitExceeded().toException();
    }
    Headers headers = exchange.getRequestHeaders();
    boolean sendsBody = method.equals("POST") || method.equals("PUT");
    if (sendsBody && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
      // Okta requires Content-Length even on body-less POSTs such as the lifecycle operations.
      return new ApiResponse(411, null, List.of());
    }
    if (!authenticator.isAuthorized(headers.getFirst("Authorization"))) {
      throw ApiErrors.invalidToken().toException();
    }
    ApiRequest request =
        new ApiRequest(
            method,
            pathSegments,
            QueryParameters.parse(rawQuery),
            headers.getFirst("Content-Type"),
            body,
            origin(headers.getFirst("Host")));
    return usersApi.handle(request);
  }

  private ApiResponse errorResponse(ApiError error) {
    ObjectNode body = mapper.createObjectNode();
    body.put("errorCode", error.errorCode());
    body.put("errorSummary", error.errorSummary());
    body.put("errorLink", error.errorCode());
    body.put("errorId", ids.nextErrorId());
    ArrayNode causes = body.putArray("errorCauses");
    error.errorCauses().forEach(cause -> causes.addObject().put("errorSummary", cause));
    return new ApiResponse(error.httpStatus(), body, List.of());
  }

  /** Sets the {@code Link} and {@code Content-Type} headers and returns the serialized body, empty when none. */
  private byte[] prepare(HttpExchange exchange, ApiResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    response.links().forEach(link -> headers.add("Link", link));
    if (response.body() == null) {
      return new byte[0];
    }
    headers.set("Content-Type", "application/json");
    return mapper.writeValueAsBytes(response.body());
  }

  private void notifyListeners(
      String method, String rawPath, String query, int status, Headers headers, byte[] body) {
    if (responseListeners.isEmpty()) {
      return;
    }
    Map<String, List<String>> headersCopy = new LinkedHashMap<>();
    headers.forEach((name, values) -> headersCopy.put(name, List.copyOf(values)));
    SentResponse sent =
        new SentResponse(method, rawPath, query, status, headersCopy, new String(body, StandardCharsets.UTF_8));
    for (ResponseListener listener : responseListeners) {
      try {
        listener.onResponse(sent);
      } catch (RuntimeException e) {
        LOG.warn("Response listener {} failed on {} {}", listener, method, rawPath, e);
      }
    }
  }

  private static void send(HttpExchange exchange, String method, int status, byte[] bytes) throws IOException {
    boolean withoutBody = bytes.length == 0 || method.equals("HEAD");
    exchange.sendResponseHeaders(status, withoutBody ? -1 : bytes.length);
    if (!withoutBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * Returns the origin for links: the request's {@code Host} header, because Okta responds on
   * whichever domain the client called, or the simulator's base URL when the header is missing or
   * unusual.
   */
  private String origin(String host) {
    if (host != null && HOST.matcher(host).matches()) {
      return "http://" + host;
    }
    return defaultOrigin;
  }

  /**
   * Splits a raw path at {@code /} and percent-decodes each segment. A {@code +} stays a plus sign,
   * as logins such as {@code jane+test@example.com} need; a segment with an invalid escape is kept
   * as sent.
   */
  static List<String> decodePath(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      try {
        segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
