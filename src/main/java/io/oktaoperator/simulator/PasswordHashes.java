package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks of an imported password hash, {@code credentials.password.hash}, against the rules of the
 * {@code PasswordCredentialHash} schema in Okta's OpenAPI spec (release 2026.06.3). The simulator
 * stores no hash, so such a password is unknown to it afterwards.
 */
final class PasswordHashes {

  private static final Set<String> ALGORITHMS = Set.of("BCRYPT", "SHA-512", "SHA-256", "SHA-1", "MD5", "PBKDF2");
  private static final Set<String> SALT_ORDERS = Set.of("PREFIX", "POSTFIX");
  private static final Set<String> DIGEST_ALGORITHMS = Set.of("SHA256_HMAC", "SHA512_HMAC");

  private PasswordHashes() {}

  /**
   * Checks a hash. Every hash needs a known algorithm, a value and, if given, a known salt order.
   * BCRYPT also needs a work factor from 1 to 20 and a 22-character salt. PBKDF2 also needs an
   * iteration count of at least 4096, a key size and a known digest algorithm.
   *
   * @throws ApiErrorException 400 E0000001 with one cause per invalid field
   */
  static void validate(ObjectNode hash) {
    List<String> causes = new ArrayList<>();
    String algorithm = hash.path("algorithm").asText("");
    if (!ALGORITHMS.contains(algorithm)) {
      causes.add("password.hash.algorithm: Must be one of BCRYPT, SHA-512, SHA-256, SHA-1, MD5 or PBKDF2");
    }
    if (hash.path("value").asText("").isBlank()) {
      causes.add("password.hash.value: The field cannot be left blank");
    }
    JsonNode saltOrder = hash.get("saltOrder");
    if (saltOrder != null && !SALT_ORDERS.contains(saltOrder.asText())) {
      causes.add("password.hash.saltOrder: Must be PREFIX or POSTFIX");
    }
    if (algorithm.equals("BCRYPT")) {
      int workFactor = hash.path("workFactor").asInt(0);
      if (workFactor < 1 || workFactor > 20) {
        causes.add("password.hash.workFactor: Must be between 1 and 20 for BCRYPT");
      }
      if (hash.path("salt").asText("").length() != 22) {
        causes.add("password.hash.salt: Must be 22 characters for BCRYPT");
      }
    }
    if (algorithm.equals("PBKDF2")) {
      if (hash.path("iterationCount").asInt(0) < 4096) {
        causes.add("password.hash.iterationCount: Must be at least 4096 for PBKDF2");
      }
      if (hash.path("keySize").asInt(0) < 1) {
        causes.add("password.hash.keySize: Required for PBKDF2");
      }
      if (!DIGEST_ALGORITHMS.contains(hash.path("digestAlgorithm").asText(""))) {
        causes.add("password.hash.digestAlgorithm: Must be SHA256_HMAC or SHA512_HMAC for PBKDF2");
      }
    }
    if (!causes.isEmpty()) {
      throw ApiErrors.validationFailed("password", causes).toException();
    }
  }
}
