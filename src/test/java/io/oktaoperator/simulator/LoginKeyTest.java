package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LoginKeyTest {

  @Test
  void caseAndDiacriticsAreIgnored() {
    String key = LoginKey.of("isaac.brock@example.com");

    assertEquals(key, LoginKey.of("Isaac.Brock@EXAMPLE.com"));
    assertEquals(key, LoginKey.of("isáàc.bröck@example.com"));
    assertEquals(key, LoginKey.of("isa\u0301a\u0300c.bro\u0308ck@example.com"));
  }

  @Test
  void otherCharactersStaySignificant() {
    assertNotEquals(LoginKey.of("isaac.brock@example.com"), LoginKey.of("isaac_brock@example.com"));
    assertNotEquals(LoginKey.of("jane+a@example.com"), LoginKey.of("jane+b@example.com"));
  }

  @Test
  void shortNameIsPartBeforeAt() {
    assertEquals(LoginKey.of("jane.doe"), LoginKey.ofShortName("Jane.Doe@example.com"));
    assertEquals(LoginKey.of("jane.doe"), LoginKey.ofShortName("jane.doe"));
  }
}
