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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP entry point for the Users API. For every request it applies the injected
 * {@link Faults}, counts the rate limit, checks the {@code Content-Length} of body-less POSTs and the
 * API token, calls {@link UsersApi}, turns errors into Okta error bodies, sets the rate-limit
 * headers, and records the request.
 */
final class ApiHttpHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);

  /** Host header values that are safe to copy into links: host name or IP literal, optional port. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

  /**
   * Rate-limit headers of a request rejected by the concurrency limit: Okta sends limit 0 and an
   * estimated reset, here one second ahead.
   */
  private static final RateLimiter.Decision CONCURRENCY_EXCEEDED =
      new RateLimiter.Decision(0, 0, Duration.ofSeconds(1), false);

  private final UsersApi usersApi;
  private final RateLimiter rateLimiter;
  private final ApiTokenAuthenticator authenticator;
  private final RequestLog requestLog;
  private final RandomIds ids;
  private final ObjectMapper mapper;
  private final String defaultOrigin;
  private final Faults faults;
  private final StopSignal stopSignal;
  private final Clock clock;
  private final List<ResponseListener> responseListeners;

  ApiHttpHandler(
      UsersApi usersApi,
      RateLimiter rateLimiter,
      ApiTokenAuthenticator authenticator,
      RequestLog requestLog,
      RandomIds ids,
      ObjectMapper mapper,
      String defaultOrigin,
      Faults faults,
      StopSignal stopSignal,
      Clock clock,

      List<ResponseListener> responseListeners) {
    this.usersApi = usersApi;
    this.rateLimiter = rateLimiter;
    this.authenticator = authenticator;
    this.requestLog = requestLog;
    this.ids = ids;
    this.mapper = mapper;
    this.defaultOrigin = defaultOrigin;
    this.faults = faults;
    this.stopSignal = stopSignal;
    this.clock = clock;
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
    boolean inFlight = rateLimiter.enterInFlight();
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("X-Okta-Request-Id", ids.nextRequestId());
      if (!inFlight) {
        // Okta's concurrency limit: a 429 whose headers show limit 0 and an estimated reset.
        RateLimitHeaders.set(exchange.getResponseHeaders(), CONCURRENCY_EXCEEDED);
        ApiResponse response = errorResponse(ApiErrors.rateLimitExceeded());
        byte[] bytes = prepare(exchange, response);
        recorded = record(method, rawPath, query, response.status());
        notifyListeners(method, rawPath, query, response.status(), exchange.getResponseHeaders(), bytes);
        send(exchange, method, response.status(), bytes);
        return;
      }
      List<String> pathSegments = decodePath(rawPath);
      if (!stopSignal.pause(faults.nextLatency())) {
        return;
      }
      Optional<ApiTokenAuthenticator.Principal> principal =
          authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      String tokenValue = principal.map(known -> known.token().value()).orElse(null);
      RateLimiter.Decision decision =
          rateLimiter.acquire(RateLimitBucket.forRequest(method, pathSegments), tokenValue);
      RateLimitHeaders.set(exchange.getResponseHeaders(), decision);

      FaultAction fault = faults.nextFault(method, rawPath);
      FaultAction.Kind faultKind = fault == null ? null : fault.kind();
      if (faultKind == FaultAction.Kind.HOLD && !stopSignal.pause(fault.hold())) {
        return;
      }
      if (faultKind == FaultAction.Kind.DROP_CONNECTION) {
        recorded = record(method, rawPath, query, RecordedRequest.NO_RESPONSE);
        dropConnection(exchange);
        return;
      }

      ApiResponse response;
      if (faultKind == FaultAction.Kind.ERROR) {
        response = errorResponse(fault.error());
      } else if (faultKind == FaultAction.Kind.RATE_LIMITED) {
        RateLimitHeaders.set(exchange.getResponseHeaders(), exhausted(decision, fault));
        response = errorResponse(fault.error());
      } else {
        response = respondOrError(exchange, method, rawPath, pathSegments, rawQuery, body, decision, principal);
      }

      if (faultKind == FaultAction.Kind.SUCCEED_THEN_DROP_CONNECTION) {
        recorded = record(method, rawPath, query, RecordedRequest.NO_RESPONSE);
        dropConnection(exchange);
        return;
      }
      if (faultKind == FaultAction.Kind.SUCCEED_THEN_HOLD && !stopSignal.pause(fault.hold())) {
        return;
      }
      byte[] bytes = prepare(exchange, response);
      // Recorded before the response is sent, so a client that has the response finds its request in the log.
      recorded = record(method, rawPath, query, response.status());
      notifyListeners(method, rawPath, query, response.status(), exchange.getResponseHeaders(), bytes);
      LOG.debug("{} {} -> {}", method, rawPath, response.status());
      // The request stops counting against the concurrency limit before its response leaves, so a
      // client that sends its next request as soon as it has the response is never rejected.
      if (inFlight) {
        rateLimiter.leaveInFlight();
        inFlight = false;
      }
      send(exchange, method, response.status(), bytes);
    } catch (IOException e) {
      LOG.debug("Could not complete the exchange of {} {}", method, rawPath, e);
    } finally {
      if (!recorded) {
        record(method, rawPath, query, RecordedRequest.NO_RESPONSE);
      }
      exchange.close();
      if (inFlight) {
        rateLimiter.leaveInFlight();
      }
    }
  }

  /** Returns the number of Users API requests being handled, including those held by faults. */
  int inFlightRequests() {
    return rateLimiter.inFlight();
  }

  private ApiResponse respondOrError(
      HttpExchange exchange,
      String method,
      String rawPath,
      List<String> pathSegments,
      String rawQuery,
      byte[] body,
      RateLimiter.Decision decision,
      Optional<ApiTokenAuthenticator.Principal> principal) {
    try {
      return respond(exchange, method, pathSegments, rawQuery, body, decision, principal);
    } catch (ApiErrorException e) {
      return errorResponse(e.error());
    } catch (RuntimeException e) {
      LOG.error("Request {} {} failed", method, rawPath, e);
      return errorResponse(ApiErrors.internalError());
    }
  }

  private boolean record(String method, String rawPath, String query, int status) {
    requestLog.add(new RecordedRequest(method, rawPath, query, status));
    return true;
  }

  /**
   * Returns the rate-limit decision of a forced 429: nothing remaining, and a reset no earlier than
   * the end of a forced rate-limit period.
   */
  private RateLimiter.Decision exhausted(RateLimiter.Decision decision, FaultAction fault) {
    Duration untilReset = decision.untilReset();
    if (fault.rateLimitedUntil() != null) {
      Duration untilForcedEnd = Duration.between(clock.instant(), fault.rateLimitedUntil());
      if (untilForcedEnd.compareTo(untilReset) > 0) {
        untilReset = untilForcedEnd;
      }
    }
    return new RateLimiter.Decision(decision.limit(), 0, untilReset, false);
  }

  /**
   * Closes the TCP connection without sending a response. The JDK's HTTP server closes the
   * connection when an exchange is closed before its response headers were sent, so the client
   * reads end-of-stream or a reset instead of a status line.
   */
  private static void dropConnection(HttpExchange exchange) {
    exchange.close();
  }

  private ApiResponse respond(
      HttpExchange exchange,
      String method,
      List<String> pathSegments,
      String rawQuery,
      byte[] body,
      RateLimiter.Decision decision,
      Optional<ApiTokenAuthenticator.Principal> authenticated) {
    if (!decision.allowed()) {
      throw ApiErrors.rateLimitExceeded().toException();
    }
    Headers headers = exchange.getRequestHeaders();
    boolean sendsBody = method.equals("POST") || method.equals("PUT");
    if (sendsBody && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
      // Okta requires Content-Length even on body-less POSTs such as the lifecycle operations.
      return new ApiResponse(411, null, List.of());
    }
    ApiTokenAuthenticator.Principal principal =
        authenticated.orElseThrow(() -> ApiErrors.invalidToken().toException());
    String scope = ApiTokenAuthenticator.requiredScope(method, pathSegments);
    if (!principal.token().grants(scope)) {
      if (principal.isOAuth()) {
        // Okta's resource servers describe a missing scope in this header (RFC 6750, section 3.1).
        exchange
            .getResponseHeaders()
            .set(
                "WWW-Authenticate",
                principal.scheme() + " error=\"insufficient_scope\", error_description=\"The access token provided"
                    + " does not contain the required scopes.\", scope=\"" + scope + "\"");
      }
      throw ApiErrors.accessDenied().toException();
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
