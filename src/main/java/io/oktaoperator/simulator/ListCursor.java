package io.oktaoperator.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;

/**
 * The {@code after} cursor of a user list. Unsorted lists run in id order, so the cursor is the
 * last user's id, as in Okta's real cursors. A sorted search needs the last user's position in the
 * sort order even if the user changed since, so its cursor is an opaque, URL-safe encoding of the
 * last user as the page showed it.
 */
final class ListCursor {

  private static final String SORTED_PREFIX = "s.";

  private final String id;
  private final SimulatedUser sortedLast;

  private ListCursor(String id, SimulatedUser sortedLast) {
    this.id = id;
    this.sortedLast = sortedLast;
  }

  /**
   * Parses a cursor.
   *
   * @throws ApiErrorException 400 E0000029 for a sorted cursor that the simulator did not issue
   */
  static ListCursor parse(String after, boolean sorted) {
    if (!sorted || !after.startsWith(SORTED_PREFIX)) {
      return new ListCursor(after, null);
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(after.substring(SORTED_PREFIX.length())), StandardCharsets.UTF_8);
      int separator = decoded.indexOf('\n');
      String sortBy = decoded.substring(0, separator);
      String rest = decoded.substring(separator + 1);
      int second = rest.indexOf('\n');
      String lastId = rest.substring(0, second);
      String value = rest.substring(second + 1);
      return new ListCursor(lastId, cursorUser(lastId, sortBy, value));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw ApiErrors.invalidPaging().toException();
    }
  }

  /** Returns the cursor after {@code last} in a list sorted by {@code sortBy}. */
  static String sorted(SimulatedUser last, String sortBy) {
    Object value = UserSearch.accessor(sortBy).apply(last);
    String text = sortBy + "\n" + last.id() + "\n" + (value == null ? "" : "v" + encodeValue(value));
    return SORTED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns whether the cursor comes before {@code user}, so that the user belongs on the page. */
  boolean isBefore(SimulatedUser user, Comparator<SimulatedUser> order) {
    if (sortedLast == null || order == null) {
      return user.id().compareTo(id) > 0;
    }
    return order.compare(sortedLast, user) < 0;
  }

  private static String encodeValue(Object value) {
    if (value instanceof Instant instant) {
      return "t" + instant;
    }
    if (value instanceof Number number) {
      return "n" + number;
    }
    return "s" + value;
  }

  /** Builds a stand-in user that has only the id and the sort attribute, for comparisons. */
  private static SimulatedUser cursorUser(String id, String sortBy, String encoded) {
    Object value = null;
    if (encoded.startsWith("v")) {
      char kind = encoded.charAt(1);
      String text = encoded.substring(2);
      if (kind == 't') {
        value = Instant.parse(text);
      } else if (kind == 'n') {
        value = new BigDecimal(text);
      } else {
        value = text;
      }
    }
    Instant instant = value instanceof Instant time ? time : null;
    switch (sortBy) {
      case "id":
        return stub(id, null, null, Map.of());
      case "status":
        return stub(id, (String) value, null, Map.of());
      case "type.id":
        return stub(id, null, (String) value, Map.of());
      case "created":
      case "activated":
      case "statusChanged":
      case "lastUpdated":
        return dated(id, sortBy, instant);
      default:
        String name = sortBy.substring("profile.".length());
        return stub(id, null, null, value == null ? Map.of() : Map.of(name, value));
    }
  }

  private static SimulatedUser dated(String id, String attribute, Instant at) {
    return new SimulatedUser(
        id,
        null,
        null,
        attribute.equals("created") ? at : null,
        attribute.equals("activated") ? at : null,
        attribute.equals("statusChanged") ? at : null,
        null,
        attribute.equals("lastUpdated") ? at : null,
        null,
        null,
        Map.of(),
        false,
        null,
        null,
        null);
  }

  private static SimulatedUser stub(String id, String status, String typeId, Map<String, Object> profile) {
    return new SimulatedUser(id, status, null, null, null, null, null, null, null, typeId, profile, false, null, null, null);
  }
}
