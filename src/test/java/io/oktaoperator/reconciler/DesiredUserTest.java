package io.oktaoperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oktaoperator.api.v1alpha1.OktaUserProfile;
import io.oktaoperator.api.v1alpha1.OktaUserSpec;
import io.oktaoperator.api.v1alpha1.UserState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredUserTest {

  static OktaUserSpec spec() {
    OktaUserProfile profile = new OktaUserProfile();
    profile.setLogin("jane@example.com");
    profile.setEmail("jane@example.com");
    profile.setFirstName("Jane");
    profile.setLastName("Doe");
    OktaUserSpec spec = new OktaUserSpec();
    spec.setProfile(profile);
    return spec;
  }

  @Test
  void profileKeepsCustomAttributesOfAnyType() {
    OktaUserSpec spec = spec();
    spec.getProfile().setCustomAttribute("level", 3);
    spec.getProfile().setCustomAttribute("tags", List.of("a", "b"));
    spec.getProfile().setCustomAttribute("remote", true);

    DesiredUser desired = DesiredUser.from(spec);

    assertEquals(3, desired.profile().get("level"));
    assertEquals(List.of("a", "b"), desired.profile().get("tags"));
    assertEquals(true, desired.profile().get("remote"));
    assertEquals("jane@example.com", desired.login());
  }

  @Test
  void unsetStandardAttributesAreNotManaged() {
    DesiredUser desired = DesiredUser.from(spec());

    assertEquals(Map.of("login", "jane@example.com", "email", "jane@example.com", "firstName", "Jane", "lastName", "Doe"), desired.profile());
    assertFalse(desired.profile().containsKey("title"));
    assertEquals(UserState.ACTIVE, desired.state());
  }

  @Test
  void missingRequiredAttributeNamesTheField() {
    OktaUserSpec spec = spec();
    spec.getProfile().setEmail(" ");

    var error = assertThrows(DesiredUser.InvalidSpecException.class, () -> DesiredUser.from(spec));

    assertTrue(error.getMessage().contains("spec.profile.email is required"), error.getMessage());
  }

  @Test
  void invalidCustomAttributeNameIsRejected() {
    OktaUserSpec spec = spec();
    spec.getProfile().setCustomAttribute("cost-center", "42");

    var error = assertThrows(DesiredUser.InvalidSpecException.class, () -> DesiredUser.from(spec));

    assertTrue(error.getMessage().contains("spec.profile.cost-center"), error.getMessage());
  }

  @Test
  void missingProfileIsRejected() {
    var error = assertThrows(DesiredUser.InvalidSpecException.class, () -> DesiredUser.from(new OktaUserSpec()));

    assertTrue(error.getMessage().contains("spec.profile is missing"), error.getMessage());
  }
}
