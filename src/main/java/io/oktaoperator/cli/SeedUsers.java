package io.oktaoperator.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oktaoperator.simulator.OutOfBandChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reader of the simulator command's {@code --seed-users} file: a JSON array of users, each
 * {@code {"profile": {...}, "status": "ACTIVE", "adminRoles": ["SUPER_ADMIN"]}}, where status
 * defaults to ACTIVE and adminRoles to none.
 */
final class SeedUsers {

  private static final TypeReference<Map<String, Object>> PROFILE_TYPE = new TypeReference<>() {};

  private SeedUsers() {}

  /**
   * Creates the users of a seed file.
   *
   * @return the number of users created
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the file is not a JSON array of users, or a user is invalid
   */
  static int load(Path file, OutOfBandChanges outOfBand) {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode users;
    try {
      users = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed users from " + file + ": " + e.getMessage(), e);
    }
    if (users == null || !users.isArray()) {
      throw new IllegalArgumentException(file + " must contain a JSON array of users");
    }
    int index = 0;
    for (JsonNode user : users) {
      JsonNode profile = user.get("profile");
      if (profile == null || !profile.isObject()) {
        throw new IllegalArgumentException("User " + index + " in " + file + " has no profile object");
      }
      String status = user.path("status").asText("ACTIVE");
      String id = outOfBand.createUser(mapper.convertValue(profile, PROFILE_TYPE), status).id();
      for (JsonNode role : user.path("adminRoles")) {
        outOfBand.assignAdminRole(id, role.asText());
      }
      index++;
    }
    return index;
  }
}
