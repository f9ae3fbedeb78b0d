package io.oktaoperator.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * Order of search results for {@code sortBy} and {@code sortOrder}. Ties, and users without the
 * attribute, are ordered by id ascending, as Okta documents for ties.
 *
 * <p>NOTE: Okta does not document where users without the attribute go, nor how strings compare.
 * This puts them last in either order and compares strings ignoring case, as search compares them.
 */
final class UserSort {

  private UserSort() {}

  /**
   * Returns the comparator for a {@code sortBy} attribute.
   *
   * @param sortOrder {@code asc} (default when null) or {@code desc}, in any case
   * @throws ApiErrorException 400 E0000031 for an attribute that search does not accept, or an
   *     unknown sort order
   */
  static Comparator<SimulatedUser> comparator(String sortBy, String sortOrder) {
    if (!UserSearch.isSearchAttribute(sortBy)) {
      throw ApiErrors.invalidSearchCriteria().toException();
    }
    boolean descending;
    if (sortOrder == null || sortOrder.equalsIgnoreCase("asc")) {
      descending = false;
    } else if (sortOrder.equalsIgnoreCase("desc")) {
      descending = true;
    } else {
      throw ApiErrors.invalidSearchCriteria().toException();
    }
    Function<SimulatedUser, Object> accessor = UserSearch.accessor(sortBy);
    Comparator<SimulatedUser> byId = Comparator.comparing(SimulatedUser::id);
    return (left, right) -> {
      Object leftValue = accessor.apply(left);
      Object rightValue = accessor.apply(right);
      if (leftValue == null || rightValue == null) {
        if (leftValue != rightValue) {
          return leftValue == null ? 1 : -1;
        }
        return byId.compare(left, right);
      }
      int comparison = compareValues(leftValue, rightValue);
      if (descending) {
        comparison = -comparison;
      }
      return comparison != 0 ? comparison : byId.compare(left, right);
    };
  }

  private static int compareValues(Object left, Object right) {
    if (left instanceof Instant leftInstant && right instanceof Instant rightInstant) {
      return leftInstant.compareTo(rightInstant);
    }
    if (left instanceof Number leftNumber && right instanceof Number rightNumber) {
      return new BigDecimal(leftNumber.toString()).compareTo(new BigDecimal(rightNumber.toString()));
    }
    // Values that differ only in case are ties, ordered by id like other ties.
    return left.toString().toLowerCase(Locale.ROOT).compareTo(right.toString().toLowerCase(Locale.ROOT));
  }
}
