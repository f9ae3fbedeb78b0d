package io.oktaoperator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's admin API under {@value #PREFIX}: faults, the request log, and the out-of-band
 * changes of {@link OutOfBandChanges}, for tests and people that drive a standalone simulator over
 * HTTP. It needs no token, is neither rate-limited nor faulted, and its requests stay out of the
 * request log. Okta has no path starting with {@code /__}, so it cannot clash with the Users API.
 *
 * <p>Bodies are JSON; durations are whole milliseconds in fields ending in {@code Millis}. Errors
 * are {@code {"message": "..."}} with 400 for invalid input, 404 for an unknown user or path, 405
 * for an unsupported method, and 409 for a change that the user's status does not allow.
 */
final class AdminHttpHandler implements HttpHandler {

  static final String PREFIX = "/__simulator";

  private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);
  private static final TypeReference<Map<String, Object>> PROFILE_TYPE = new TypeReference<>() {};

  private final OktaSimulator simulator;
  private final ObjectMapper mapper;

  AdminHttpHandler(OktaSimulator simulator, ObjectMapper mapper) {
    this.simulator = simulator;
    this.mapper = mapper;
  }

  /** An admin API response: status and an optional JSON body. */
  private record AdminResponse(int status, JsonNode body) {}

  /** Rejects an admin request with a status and a message. */
  private static final class AdminException extends RuntimeException {

    private final int status;

    AdminException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      List<String> path = ApiHttpHandler.decodePath(rawPath.substring(PREFIX.length()));
      AdminResponse response;
      try {
        response = route(method, path, body);
      } catch (AdminException e) {
        response = message(e.status, e.getMessage());
      } catch (NoSuchElementException e) {
        response = message(404, e.getMessage());
      } catch (IllegalStateException e) {
        response = message(409, e.getMessage());
      } catch (IllegalArgumentException e) {
        response = message(400, e.getMessage());
      }
      LOG.debug("Admin {} {} -> {}", method, rawPath, response.status());
      write(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private AdminResponse route(String method, List<String> path, byte[] body) {
    String first = path.isEmpty() ? "" : path.get(0);
    switch (first) {
      case "faults":
        return faults(method, path, body);
      case "requests":
        return requests(method, path);
      case "users":
        return users(method, path, body);
      case "async-transition-delay":
        requireMethod(method, "PUT");
        simulator.setAsyncTransitionDelay(millis(readObject(body), "millis", true));
        return new AdminResponse(204, null);
      case "state":
        requireMethod(method, "GET");
        return new AdminResponse(200, simulator.stateSnapshot());
      case "search-index-lag":
        requireMethod(method, "PUT");
        simulator.setSearchIndexLag(millis(readObject(body), "millis", true));
        return new AdminResponse(204, null);
      default:
        throw new AdminException(404, "No admin resource at " + PREFIX + "/" + String.join("/", path));
    }
  }

  private AdminResponse faults(String method, List<String> path, byte[] body) {
    Faults faults = simulator.faults();
    if (path.size() == 1) {
      if (method.equals("GET")) {
        return new AdminResponse(200, mapper.valueToTree(faults.describe()));
      }
      requireMethod(method, "DELETE");
      faults.clear();
      return new AdminResponse(204, null);
    }
    if (path.size() != 2) {
      throw new AdminException(404, "No admin resource at " + PREFIX + "/" + String.join("/", path));
    }
    ObjectNode request = readObject(body);
    switch (path.get(1)) {
      case "latency":
        requireMethod(method, "PUT");
        faults.latency(millis(request, "fixedMillis", true), millis(request, "jitterMillis", false));
        break;
      case "server-errors":
        requireMethod(method, "PUT");
        faults.serverErrors(number(request, "rate"));
        break;
      case "timeouts":
        requireMethod(method, "PUT");
        faults.timeouts(number(request, "rate"), millis(request, "holdMillis", true));
        break;
      case "rate-limited":
        requireMethod(method, "PUT");
        if (!request.has("requests") && !request.has("durationMillis")) {
          throw new AdminException(400, "Send requests, durationMillis or both");
        }
        if (request.has("requests")) {
          faults.rateLimitNextRequests(integer(request, "requests"));
        }
        if (request.has("durationMillis")) {
          faults.rateLimitFor(millis(request, "durationMillis", true));
        }
        break;
      case "rate-limits":
        requireMethod(method, "PUT");
        overrideRateLimits(faults, request);
        break;
      case "seed":
        requireMethod(method, "PUT");
        faults.seed(request.path("seed").asLong());
        break;
      case "next-request":
        requireMethod(method, "POST");
        faults.onNextRequest(
            text(request, "method", "*"), text(request, "path", null), scriptedAction(request));
        break;
      default:
        throw new AdminException(404, "No fault named " + path.get(1));
    }
    return new AdminResponse(200, mapper.valueToTree(faults.describe()));
  }

  private static void overrideRateLimits(Faults faults, ObjectNode request) {
    int limit = integer(request, "requestsPerMinute");
    String bucket = text(request, "bucket", "");
    if (bucket.isEmpty()) {
      faults.overrideRateLimits(limit);
      return;
    }
    try {
      faults.overrideRateLimit(RateLimitBucket.valueOf(bucket.toUpperCase(Locale.ROOT)), limit);
    } catch (IllegalArgumentException e) {
      throw new AdminException(400, "Unknown bucket " + bucket + "; use one of " + List.of(RateLimitBucket.values()));
    }
  }

  /** Builds the action of a scripted fault from {@code action} and the fields it needs. */
  private static FaultAction scriptedAction(ObjectNode request) {
    String action = text(request, "action", null);
    switch (action) {
      case "error":
        return FaultAction.error(
            integer(request, "status"), text(request, "errorCode", null), text(request, "errorSummary", "Simulated error"));
      case "internal-server-error":
        return FaultAction.internalServerError();
      case "service-unavailable":
        return FaultAction.serviceUnavailable();
      case "rate-limited":
        return FaultAction.rateLimited();
      case "drop-connection":
        return FaultAction.dropConnection();
      case "succeed-then-drop-connection":
        return FaultAction.succeedThenDropConnection();
      case "hold":
        return FaultAction.hold(millis(request, "holdMillis", true));
      case "succeed-then-hold":
        return FaultAction.succeedThenHold(millis(request, "holdMillis", true));
      default:
        throw new AdminException(
            400,
            "Unknown action " + action + "; use error, internal-server-error, service-unavailable, rate-limited,"
                + " drop-connection, succeed-then-drop-connection, hold or succeed-then-hold");
    }
  }

  private AdminResponse requests(String method, List<String> path) {
    if (path.size() != 1) {
      throw new AdminException(404, "No admin resource at " + PREFIX + "/" + String.join("/", path));
    }
    if (method.equals("DELETE")) {
      simulator.clearRequestLog();
      return new AdminResponse(204, null);
    }
    requireMethod(method, "GET");
    return new AdminResponse(200, mapper.valueToTree(simulator.requestLog()));
  }

  private AdminResponse users(String method, List<String> path, byte[] body) {
    OutOfBandChanges outOfBand = simulator.outOfBand();
    if (path.size() == 1) {
      if (method.equals("GET")) {
        ArrayNode users = mapper.createArrayNode();
        simulator.users().forEach(user -> users.add(describe(user)));
        return new AdminResponse(200, users);
      }
      requireMethod(method, "POST");
      ObjectNode request = readObject(body);
      if (!(request.get("profile") instanceof ObjectNode profileJson)) {
        throw new AdminException(400, "Send the user's profile as an object in profile");
      }
      Map<String, Object> profile = mapper.convertValue(profileJson, PROFILE_TYPE);
      return new AdminResponse(200, describe(outOfBand.createUser(profile, text(request, "status", null))));
    }
    String user = path.get(1);
    if (path.size() == 2) {
      requireMethod(method, "DELETE");
      outOfBand.delete(user);
      return new AdminResponse(204, null);
    }
    String change = path.get(2);
    if (path.size() == 3 && !change.equals("roles")) {
      requireMethod(method, "POST");
      return new AdminResponse(200, describe(changeUser(outOfBand, user, change)));
    }
    if (change.equals("roles") && path.size() == 3) {
      requireMethod(method, "POST");
      AdminRoleAssignment role = outOfBand.assignAdminRole(user, text(readObject(body), "type", null));
      return new AdminResponse(200, describe(role));
    }
    if (change.equals("roles") && path.size() == 4) {
      requireMethod(method, "DELETE");
      outOfBand.removeAdminRole(user, path.get(3));
      return new AdminResponse(204, null);
    }
    if (change.equals("profile") && path.size() == 4) {
      if (method.equals("DELETE")) {
        return new AdminResponse(200, describe(outOfBand.setProfileAttribute(user, path.get(3), null)));
      }
      requireMethod(method, "PUT");
      Object value = mapper.convertValue(readTree(body), Object.class);
      return new AdminResponse(200, describe(outOfBand.setProfileAttribute(user, path.get(3), value)));
    }
    throw new AdminException(404, "No admin resource at " + PREFIX + "/" + String.join("/", path));
  }

  private static SimulatedUser changeUser(OutOfBandChanges outOfBand, String user, String change) {
    switch (change) {
      case "suspend":
        return outOfBand.suspend(user);
      case "unsuspend":
        return outOfBand.unsuspend(user);
      case "deactivate":
        return outOfBand.deactivate(user);
      case "complete-activation":
        return outOfBand.completeActivation(user);
      case "lock-out":
        return outOfBand.lockOut(user);
      case "auto-unlock":
        return outOfBand.autoUnlock(user);
      case "complete-password-reset":
        return outOfBand.completePasswordReset(user);
      case "expire-password":
        return outOfBand.expirePassword(user);
      case "change-expired-password":
        return outOfBand.changeExpiredPassword(user);
      default:
        throw new AdminException(
            404,
            "No change named " + change + "; use suspend, unsuspend, deactivate, complete-activation, lock-out,"
                + " auto-unlock, complete-password-reset, expire-password or change-expired-password");
    }
  }

  private ObjectNode describe(SimulatedUser user) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", user.id());
    json.put("status", user.status());
    json.put("transitioningToStatus", user.transitioningToStatus());
    json.put("created", Timestamps.format(user.created()));
    json.put("lastUpdated", Timestamps.format(user.lastUpdated()));
    json.put("hasPassword", user.hasPassword());
    json.set("profile", mapper.valueToTree(user.profile()));
    return json;
  }

  private ObjectNode describe(AdminRoleAssignment role) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", role.id());
    json.put("type", role.type());
    json.put("label", role.label());
    json.put("status", role.status());
    json.put("created", Timestamps.format(role.created()));
    return json;
  }

  private JsonNode readTree(byte[] body) {
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AdminException(400, "The body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("Reading a byte array failed", e);
    }
  }

  private ObjectNode readObject(byte[] body) {
    if (body.length == 0) {
      return mapper.createObjectNode();
    }
    if (readTree(body) instanceof ObjectNode object) {
      return object;
    }
    throw new AdminException(400, "The body must be a JSON object");
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new AdminException(405, "Use " + expected + " here, not " + method);
    }
  }

  private static String text(ObjectNode request, String field, String defaultValue) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      if (defaultValue == null) {
        throw new AdminException(400, "Missing field " + field);
      }
      return defaultValue;
    }
    return value.asText();
  }

  private static int integer(ObjectNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new AdminException(400, "Field " + field + " must be a whole number");
    }
    return value.intValue();
  }

  private static double number(ObjectNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || !value.isNumber()) {
      throw new AdminException(400, "Field " + field + " must be a number");
    }
    return value.doubleValue();
  }

  private static Duration millis(ObjectNode request, String field, boolean required) {
    JsonNode value = request.get(field);
    if (value == null && !required) {
      return Duration.ZERO;
    }
    if (value == null || !value.canConvertToLong() || value.longValue() < 0) {
      throw new AdminException(400, "Field " + field + " must be a whole number of milliseconds, 0 or more");
    }
    return Duration.ofMillis(value.longValue());
  }

  private AdminResponse message(int status, String message) {
    ObjectNode body = mapper.createObjectNode();
    body.put("message", message);
    return new AdminResponse(status, body);
  }

  private void write(HttpExchange exchange, AdminResponse response) throws IOException {
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = mapper.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
