package io.oktaoperator.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON bodies of the Users API, built from our records and read into {@link OktaAccount}. Request
 * bodies leave out absent parts but keep a null profile value as JSON null, which makes Okta clear
 * that attribute.
 */
final class UserJson {

  private final ObjectMapper mapper;

  UserJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Creates the client's mapper, which reads ISO-8601 timestamps and ignores unknown fields. */
  static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** Builds {@code {"profile": ..., "credentials": ...}}, with credentials only when given. */
  byte[] createUserBody(NewUser user) {
    ObjectNode body = mapper.createObjectNode();
    body.set("profile", profileNode(user.profile()));

    ObjectNode credentials = mapper.createObjectNode();
    if (user.password() != null) {
      credentials.set("password", passwordNode(user.password()));
    }
    if (user.recoveryQuestion() != null) {
      ObjectNode recovery = credentials.putObject("recovery_question");
      recovery.put("question", user.recoveryQuestion());
      recovery.put("answer", user.recoveryAnswer().reveal());
    }
    if (!credentials.isEmpty()) {
      body.set("credentials", credentials);
    }
    return write(body);
  }

  /** Builds {@code {"profile": changes}} for a partial update. */
  byte[] profileUpdateBody(Map<String, Object> changes) {
    ObjectNode body = mapper.createObjectNode();
    body.set("profile", profileNode(changes));
    return write(body);
  }

  /** Builds {@code {"credentials": {"password": {"value": ...}}}}. */
  byte[] passwordBody(SecretValue password) {
    ObjectNode body = mapper.createObjectNode();
    body.putObject("credentials").set("password", passwordNode(password));
    return write(body);
  }

  /**
   * Reads one user object.
   *
   * @throws IOException when the body is not JSON or not a user object with an id
   */
  OktaAccount readUser(byte[] body) throws IOException {
    return toAccount(mapper.readTree(body));
  }

  /**
   * Reads the {@code type} of each role assignment in a JSON array, as {@code
   * listAssignedRolesForUser} returns it.
   *
   * @throws IOException when the body is not a JSON array of objects
   */
  List<String> readRoleTypes(byte[] body) throws IOException {
    JsonNode root = mapper.readTree(body);
    if (root == null || !root.isArray()) {
      throw new IOException("expected a JSON array of role assignments, got " + describe(root));
    }
    List<String> types = new ArrayList<>(root.size());
    for (JsonNode role : root) {
      if (!role.isObject()) {
        throw new IOException("expected a role assignment object, got " + describe(role));
      }
      types.add(role.path("type").asText("UNKNOWN"));
    }
    return types;
  }

  /**
   * Reads a JSON array of user objects, as {@code listUsers} returns it.
   *
   * @throws IOException when the body is not a JSON array of user objects
   */
  List<OktaAccount> readUsers(byte[] body) throws IOException {
    JsonNode root = mapper.readTree(body);
    if (root == null || !root.isArray()) {
      throw new IOException("expected a JSON array of users, got " + describe(root));
    }

    List<OktaAccount> accounts = new ArrayList<>(root.size());
    for (JsonNode element : root) {
      accounts.add(toAccount(element));
    }
    return accounts;
  }

  private OktaAccount toAccount(JsonNode node) throws IOException {
    if (node == null || !node.isObject()) {
      throw new IOException("expected a user object, got " + describe(node));
    }
    if (!node.hasNonNull("id")) {
      throw new IOException("the user object has no id");
    }

    OktaAccount parsed = mapper.treeToValue(node, OktaAccount.class);
    Map<String, Object> profile = parsed.profile() == null ? Map.of() : Collections.unmodifiableMap(parsed.profile());
    return new OktaAccount(
        parsed.id(),
        parsed.status(),
        parsed.transitioningToStatus(),
        parsed.created(),
        parsed.activated(),
        parsed.statusChanged(),
        parsed.lastLogin(),
        parsed.lastUpdated(),
        parsed.passwordChanged(),
        profile);
  }

  private JsonNode profileNode(Map<String, Object> profile) {
    // valueToTree keeps null map values as JSON null, which is how a partial update clears an
    // attribute. NOTE: Okta's API reference does not say that null clears an attribute. That is the
    // expected behaviour, not one checked against a real org.
    return mapper.valueToTree(profile);
  }

  private ObjectNode passwordNode(SecretValue password) {
    ObjectNode node = mapper.createObjectNode();
    node.put("value", password.reveal());
    return node;
  }

  private byte[] write(ObjectNode body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // The body is a tree of JSON nodes already, so this means a bug rather than bad input.
      throw new IllegalStateException("cannot serialise a request body: " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(JsonNode node) {
    return node == null || node.isMissingNode() ? "an empty body" : "JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
