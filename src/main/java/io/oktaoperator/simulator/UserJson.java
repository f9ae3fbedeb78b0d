package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Renders users and lifecycle results as the JSON bodies Okta returns. */
final class UserJson {

  /**
   * Profile attributes that Okta's responses carry even when unset, as JSON null (seen in the
   * user examples of Okta's OpenAPI spec, release 2026.06.3).
   */
  private static final List<String> ALWAYS_PRESENT_ATTRIBUTES = List.of("mobilePhone", "secondEmail");

  /** Lifecycle links of a single user per status, after the user examples in Okta's spec and its state machine. */
  private static final Map<UserStatus, List<String>> LIFECYCLE_LINKS = lifecycleLinks();

  private static final Map<String, String> LIFECYCLE_PATH_SEGMENTS = new ConcurrentHashMap<>();

  private final ObjectMapper mapper;
  private final String schemaId;

  /**
   * Parts of a user that the {@code okta-response} parameter of the {@code Content-Type} header
   * removes from the response, such as {@code application/json; okta-response=omitCredentials}.
   */
  record Omissions(boolean credentials, boolean credentialsLinks, boolean transitioningToStatus) {

    static final Omissions NONE = new Omissions(false, false, false);

    static Omissions fromContentType(String contentType) {
      if (contentType == null) {
        return NONE;
      }
      String lowerCase = contentType.toLowerCase(Locale.ROOT);
      int start = lowerCase.indexOf("okta-response=");
      if (start < 0) {
        return NONE;
      }
      String values = lowerCase.substring(start + "okta-response=".length()).split(";", 2)[0];
      Set<String> omitted =
          Arrays.stream(values.replace("\"", "").split(",")).map(String::trim).collect(Collectors.toSet());
      return new Omissions(
          omitted.contains("omitcredentials"),
          omitted.contains("omitcredentialslinks"),
          omitted.contains("omittransitioningtostatus"));
    }
  }

  UserJson(ObjectMapper mapper, String schemaId) {
    this.mapper = mapper;
    this.schemaId = schemaId;
  }

  /**
   * Renders a user.
   *
   * @param origin scheme, host and port that links start with, such as {@code http://127.0.0.1:8181}
   * @param allLinks true for a single user (lifecycle links for its status), false for a list item
   *     (only {@code self})
   */
  ObjectNode render(SimulatedUser user, String origin, boolean allLinks, Omissions omissions) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", user.id());
    json.put("status", user.status());
    if (!omissions.transitioningToStatus()) {
      json.put("transitioningToStatus", user.transitioningToStatus());
    }
    json.put("created", Timestamps.format(user.created()));
    json.put("activated", Timestamps.format(user.activated()));
    json.put("statusChanged", Timestamps.format(user.statusChanged()));
    json.put("lastLogin", Timestamps.format(user.lastLogin()));
    json.put("lastUpdated", Timestamps.format(user.lastUpdated()));
    json.put("passwordChanged", Timestamps.format(user.passwordChanged()));
    json.putObject("type").put("id", user.typeId());
    json.set("profile", renderProfile(user.profile()));
    if (!omissions.credentials()) {
      json.set("credentials", renderCredentials(user));
    }
    json.set("_links", renderLinks(user, origin, allLinks, omissions.credentialsLinks()));
    return json;
  }

  /** Renders the body of activate or reactivate with {@code sendEmail=false}. */
  ObjectNode renderActivationToken(String origin, String token) {
    ObjectNode json = mapper.createObjectNode();
    json.put("activationUrl", origin + "/tokens/" + token + "/verify");
    json.put("activationToken", token);
    return json;
  }

  /** Renders a role assignment as {@code GET /api/v1/users/{id}/roles} lists it. */
  ObjectNode renderAdminRole(AdminRoleAssignment role, String userId, String origin) {
    ObjectNode json = mapper.createObjectNode();
    json.put("id", role.id());
    json.put("label", role.label());
    json.put("type", role.type());
    json.put("status", role.status());
    json.put("created", Timestamps.format(role.created()));
    json.put("lastUpdated", Timestamps.format(role.lastUpdated()));
    json.put("assignmentType", "USER");
    json.putObject("_links").putObject("assignee").put("href", origin + "/api/v1/users/" + userId);
    return json;
  }

  private ObjectNode renderProfile(Map<String, Object> profile) {
    ObjectNode json = mapper.createObjectNode();
    profile.forEach((name, value) -> json.set(name, mapper.valueToTree(value)));
    for (String name : ALWAYS_PRESENT_ATTRIBUTES) {
      if (!json.has(name)) {
        json.putNull(name);
      }
    }
    return json;
  }

  /** Renders a user's credentials without secrets, as the credential operations return them. */
  ObjectNode renderCredentials(SimulatedUser user) {
    ObjectNode credentials = mapper.createObjectNode();
    if (user.hasPassword()) {
      credentials.putObject("password");
    }
    if (user.recoveryQuestion() != null) {
      credentials.putObject("recovery_question").put("question", user.recoveryQuestion());
    }
    ObjectNode provider = credentials.putObject("provider");
    provider.put("type", user.providerType());
    provider.put("name", user.providerName());
    return credentials;
  }

  private ObjectNode renderLinks(SimulatedUser user, String origin, boolean allLinks, boolean omitCredentialsLinks) {
    String self = origin + "/api/v1/users/" + user.id();
    ObjectNode links = mapper.createObjectNode();
    if (allLinks) {
      for (String relation : LIFECYCLE_LINKS.get(UserStatus.valueOf(user.status()))) {
        putOperationLink(links, relation, self + "/lifecycle/" + lifecyclePathSegment(relation));
      }
      if (!omitCredentialsLinks && user.hasPassword() && isSignInStatus(user.status())) {
        putOperationLink(links, "changePassword", self + "/credentials/change_password");
        putOperationLink(links, "changeRecoveryQuestion", self + "/credentials/change_recovery_question");
        if (user.recoveryQuestion() != null) {
          putOperationLink(links, "forgotPassword", self + "/credentials/forgot_password");
        }
      }
      links.putObject("schema").put("href", origin + "/api/v1/meta/schemas/user/" + schemaId);
      links.putObject("type").put("href", origin + "/api/v1/meta/types/user/" + user.typeId());
    }
    links.putObject("self").put("href", self);
    return links;
  }

  private static void putOperationLink(ObjectNode links, String relation, String href) {
    ObjectNode link = links.putObject(relation);
    link.put("href", href);
    link.put("method", "POST");
  }

  private static boolean isSignInStatus(String status) {
    return status.equals("ACTIVE") || status.equals("PASSWORD_EXPIRED") || status.equals("RECOVERY");
  }

  /**
   * Maps a link relation such as {@code resetPassword} to its path segment {@code reset_password}.
   * Every GET of a single user renders its lifecycle links, so the segments are computed once.
   */
  private static String lifecyclePathSegment(String relation) {
    return LIFECYCLE_PATH_SEGMENTS.computeIfAbsent(
        relation, name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
  }

  private static Map<UserStatus, List<String>> lifecycleLinks() {
    Map<UserStatus, List<String>> links = new EnumMap<>(UserStatus.class);
    links.put(UserStatus.STAGED, List.of("activate", "deactivate"));
    links.put(UserStatus.PROVISIONED, List.of("reactivate", "resetPassword", "deactivate"));
    links.put(
        UserStatus.ACTIVE, List.of("suspend", "resetPassword", "expirePassword", "resetFactors", "deactivate"));
    links.put(UserStatus.RECOVERY, List.of("reactivate", "resetPassword", "deactivate"));
    links.put(UserStatus.LOCKED_OUT, List.of("unlock", "resetPassword", "expirePassword", "deactivate"));
    links.put(UserStatus.PASSWORD_EXPIRED, List.of("resetPassword", "expirePassword", "deactivate"));
    links.put(UserStatus.SUSPENDED, List.of("unsuspend", "deactivate"));
    links.put(UserStatus.DEPROVISIONED, List.of("activate"));
    return links;
  }
}
