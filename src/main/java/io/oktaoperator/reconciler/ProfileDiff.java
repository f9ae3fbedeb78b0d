package io.oktaoperator.reconciler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile changes that bring Okta in line with the spec. Only attributes the spec names are
 * managed: one the spec dropped since the last reconcile is cleared (sent as null), and attributes no
 * spec ever named are left alone, whichever system set them.
 *
 * @param changes attributes to send in a partial update; a null value clears the attribute
 * @param managedAttributes the attribute names the spec manages now, sorted, for the status
 */
public record ProfileDiff(Map<String, Object> changes, List<String> managedAttributes) {

  /**
   * Computes the diff.
   *
   * @param desired attributes from the spec, without null values
   * @param actual Okta's current profile
   * @param previouslyManaged attribute names recorded in the status at the last reconcile
   */
  public static ProfileDiff compute(
      Map<String, Object> desired, Map<String, Object> actual, Collection<String> previouslyManaged) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : desired.entrySet()) {
      if (!sameJsonValue(entry.getValue(), actual.get(entry.getKey()))) {
        changes.put(entry.getKey(), entry.getValue());
      }
    }
    for (String name : previouslyManaged) {
      if (!desired.containsKey(name) && actual.get(name) != null) {
        changes.put(name, null);
      }
    }
    Set<String> managed = new TreeSet<>(desired.keySet());
    return new ProfileDiff(changes, List.copyOf(managed));
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Names of the changed attributes, for logs and Events (values may be personal data). */
  public List<String> changedAttributeNames() {
    return new ArrayList<>(changes.keySet());
  }

  /**
   * Compares two values as JSON documents: numbers by numeric value (so 42 equals 42.0, whatever Java
   * type the parser chose), lists in order, maps by key.
   */
  static boolean sameJsonValue(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (left instanceof Number leftNumber && right instanceof Number rightNumber) {
      return new BigDecimal(leftNumber.toString()).compareTo(new BigDecimal(rightNumber.toString())) == 0;
    }
    if (left instanceof Map<?, ?> leftMap && right instanceof Map<?, ?> rightMap) {
      if (!leftMap.keySet().equals(rightMap.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> entry : leftMap.entrySet()) {
        if (!sameJsonValue(entry.getValue(), rightMap.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
      if (leftList.size() != rightList.size()) {
        return false;
      }
      Iterator<?> rightItems = rightList.iterator();
      for (Object leftItem : leftList) {
        if (!sameJsonValue(leftItem, rightItems.next())) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(left, right);
  }
}
