package io.oktaoperator.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated org's users as JSON, so that a standalone simulator can keep its users across
 * restarts. The snapshot contains everything the store keeps, passwords and recovery answers
 * included, because a restored user must accept the same credentials. It is meant for simulated
 * data only.
 *
 * <p>Format: {@code {"version": 1, "users": [{"id": ..., "status": ..., "profile": {...}, ...}]}}
 * with timestamps in Okta's format. A user in an asynchronous transition is written with the
 * status the transition ends in.
 */
final class StateSnapshot {

  static final int VERSION = 1;

  private static final TypeReference<Map<String, Object>> PROFILE_TYPE = new TypeReference<>() {};

  private StateSnapshot() {}

  /** Renders stored users as a snapshot. */
  static ObjectNode write(List<StoredUser> users, ObjectMapper mapper) {
    ObjectNode snapshot = mapper.createObjectNode();
    snapshot.put("version", VERSION);
    ArrayNode array = snapshot.putArray("users");
    for (StoredUser user : users) {
      ObjectNode json = array.addObject();
      json.put("id", user.id);
      json.put("status", (user.transitionResult == null ? user.status : user.transitionResult).name());
      json.put("created", Timestamps.format(user.created));
      json.put("activated", Timestamps.format(user.activated));
      json.put("statusChanged", Timestamps.format(user.statusChanged));
      json.put("lastLogin", Timestamps.format(user.lastLogin));
      json.put("lastUpdated", Timestamps.format(user.lastUpdated));
      json.put("passwordChanged", Timestamps.format(user.passwordChanged));
      json.put("typeId", user.typeId);
      json.set("profile", mapper.valueToTree(user.profile));
      json.put("hasPassword", user.hasPassword);
      json.put("password", user.password);
      json.put("recoveryQuestion", user.recoveryQuestion);
      json.put("recoveryAnswer", user.recoveryAnswer);
      json.put("providerType", user.providerType);
      json.put("providerName", user.providerName);
      ArrayNode roles = json.putArray("adminRoles");
      for (AdminRoleAssignment role : user.adminRoles) {
        ObjectNode roleJson = roles.addObject();
        roleJson.put("id", role.id());
        roleJson.put("type", role.type());
        roleJson.put("label", role.label());
        roleJson.put("status", role.status());
        roleJson.put("created", Timestamps.format(role.created()));
        roleJson.put("lastUpdated", Timestamps.format(role.lastUpdated()));
      }
    }
    return snapshot;
  }

  /**
   * Reads the users of a snapshot.
   *
   * @throws IllegalArgumentException if the snapshot has another version or a user lacks its id,
   *     status, creation time or login
   */
  static List<StoredUser> read(JsonNode snapshot, ObjectMapper mapper) {
    if (snapshot.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException(
          "Unsupported snapshot version " + snapshot.path("version") + "; this simulator reads version " + VERSION);
    }
    List<StoredUser> users = new ArrayList<>();
    for (JsonNode json : snapshot.path("users")) {
      String id = requiredText(json, "id");
      StoredUser user =
          new StoredUser(id, Instant.parse(requiredText(json, "created")), UserStatus.valueOf(requiredText(json, "status")));
      user.activated = instant(json, "activated");
      user.statusChanged = instant(json, "statusChanged");
      user.lastLogin = instant(json, "lastLogin");
      user.lastUpdated = instant(json, "lastUpdated") == null ? user.created : instant(json, "lastUpdated");
      user.passwordChanged = instant(json, "passwordChanged");
      user.typeId = text(json, "typeId");
      user.profile.putAll(mapper.convertValue(json.path("profile"), PROFILE_TYPE));
      if (!user.profile.containsKey("login")) {
        throw new IllegalArgumentException("User " + id + " in the snapshot has no profile.login");
      }
      user.hasPassword = json.path("hasPassword").asBoolean();
      user.password = text(json, "password");
      user.recoveryQuestion = text(json, "recoveryQuestion");
      user.recoveryAnswer = text(json, "recoveryAnswer");
      user.providerType = text(json, "providerType") == null ? "OKTA" : text(json, "providerType");
      user.providerName = text(json, "providerName") == null ? user.providerType : text(json, "providerName");
      for (JsonNode role : json.path("adminRoles")) {
        Instant created = Instant.parse(requiredText(role, "created"));
        Instant lastUpdated = instant(role, "lastUpdated") == null ? created : instant(role, "lastUpdated");
        user.adminRoles.add(
            new AdminRoleAssignment(
                requiredText(role, "id"),
                requiredText(role, "type"),
                requiredText(role, "label"),
                requiredText(role, "status"),
                created,
                lastUpdated));
      }
      users.add(user);
    }
    return users;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String requiredText(JsonNode json, String field) {
    String value = text(json, field);
    if (value == null) {
      throw new IllegalArgumentException("A user in the snapshot has no " + field);
    }
    return value;
  }

  private static Instant instant(JsonNode json, String field) {
    String value = text(json, field);
    return value == null ? null : Instant.parse(value);
  }
}
