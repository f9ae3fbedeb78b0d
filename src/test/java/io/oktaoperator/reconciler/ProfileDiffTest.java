package io.oktaoperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {

  @Test
  void unchangedProfileHasNoChanges() {
    Map<String, Object> desired = Map.of("login", "a@example.com", "department", "Eng");
    Map<String, Object> actual = Map.of("login", "a@example.com", "department", "Eng", "city", "Paris");

    ProfileDiff diff = ProfileDiff.compute(desired, actual, List.of("department", "login"));

    assertTrue(diff.isEmpty());
    assertEquals(List.of("department", "login"), diff.managedAttributes());
  }

  @Test
  void changedAttributeIsSent() {
    ProfileDiff diff =
        ProfileDiff.compute(Map.of("department", "Sales"), Map.of("department", "Eng"), List.of("department"));

    assertEquals(Map.of("department", "Sales"), diff.changes());
  }

  @Test
  void keepsUnmanagedAttributesOnUpdate() {
    ProfileDiff diff =
        ProfileDiff.compute(
            Map.of("department", "Sales"), Map.of("department", "Eng", "city", "Paris"), List.of("department"));

    assertFalse(diff.changes().containsKey("city"));
  }

  @Test
  void attributeRemovedFromSpecIsCleared() {
    Map<String, Object> actual = Map.of("department", "Eng", "costCenter", "42");

    ProfileDiff diff = ProfileDiff.compute(Map.of("department", "Eng"), actual, List.of("costCenter", "department"));

    Map<String, Object> expected = new HashMap<>();
    expected.put("costCenter", null);
    assertEquals(expected, diff.changes());
    assertEquals(List.of("department"), diff.managedAttributes());
  }

  @Test
  void removedAttributeAlreadyAbsentInOktaNeedsNoWrite() {
    ProfileDiff diff = ProfileDiff.compute(Map.of("department", "Eng"), Map.of("department", "Eng"), List.of("costCenter"));

    assertTrue(diff.isEmpty());
  }

  @Test
  void numbersCompareByValue() {
    ProfileDiff diff = ProfileDiff.compute(Map.of("level", 42), Map.of("level", 42.0), List.of());

    assertTrue(diff.isEmpty());
  }

  @Test
  void nestedCustomValuesCompareDeeply() {
    Map<String, Object> desired = Map.of("tags", List.of("a", "b"), "meta", Map.of("tier", 1));
    Map<String, Object> same = Map.of("tags", List.of("a", "b"), "meta", Map.of("tier", 1L));
    Map<String, Object> reordered = Map.of("tags", List.of("b", "a"), "meta", Map.of("tier", 1));

    assertTrue(ProfileDiff.compute(desired, same, List.of()).isEmpty());
    assertEquals(Map.of("tags", List.of("a", "b")), ProfileDiff.compute(desired, reordered, List.of()).changes());
  }

  @Test
  void attributeMissingInOktaIsSent() {
    ProfileDiff diff = ProfileDiff.compute(Map.of("title", "CTO"), Map.of(), List.of());

    assertEquals(Map.of("title", "CTO"), diff.changes());
  }
}
