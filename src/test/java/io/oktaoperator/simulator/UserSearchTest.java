package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The search and filter grammar, evaluated against one user without HTTP. */
class UserSearchTest {

  private static final SimulatedUser JANE = user();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "profile.login eq \"jane.doe@example.com\"                 | true",
        "profile.login EQ \"JANE.DOE@EXAMPLE.COM\"                 | true",
        "profile.login eq \"john.doe@example.com\"                 | false",
        "status eq \"active\"                                      | true",
        "id eq \"00uJaneJaneJaneJane1\"                            | true",
        "type.id eq \"otyDefaultDefaultDef\"                       | true",
        "profile.firstName sw \"Ja\"                               | true",
        "profile.email co \"DOE@\"                                 | true",
        "profile.department pr                                     | true",
        "profile.title pr                                          | false",
        "profile.badge gt 41                                       | true",
        "profile.badge eq 42.0                                     | true",
        "profile.remote eq true                                    | true",
        "profile.teams eq \"blue\"                                 | true",
        "profile.teams eq \"green\"                                | false",
        "lastUpdated gt \"2026-03-01T09:59:59.999Z\"               | true",
        "lastUpdated ge \"2026-03-01T10:00:00.000Z\"               | true",
        "lastUpdated lt \"2026-03-01T10:00:00.000Z\"               | false",
        "lastUpdated gt \"2026-03-01T11:00:00.000+02:00\"          | true",
        "activated pr                                              | false",
        "activated lt \"2030-01-01T00:00:00.000Z\"                 | false",
        "status lt \"STAGED\" or status gt \"STAGED\"              | true",
        "status eq \"STAGED\" or status eq \"ACTIVE\" and id pr    | true",
        "(status eq \"STAGED\" or status eq \"ACTIVE\") and profile.title pr | false",
        "profile.nickName eq \"say \\\"hi\\\"\"                    | true",
        "profile.city eq \"Zürich\"                                | true",
        "profile.city eq \"Zurich\"                                | false",
      })
  void searchMatches(String expression, boolean expected) {
    Predicate<SimulatedUser> predicate = UserSearch.parse(expression, UserSearch.Dialect.SEARCH);

    assertEquals(expected, predicate.test(JANE));
  }

  @Test
  void filterComparesValuesWithCase() {
    assertTrue(UserSearch.parse("status eq \"ACTIVE\"", UserSearch.Dialect.FILTER).test(JANE));
    assertFalse(UserSearch.parse("status eq \"active\"", UserSearch.Dialect.FILTER).test(JANE));
    assertTrue(
        UserSearch.parse("lastUpdated gt \"2026-01-01T00:00:00.000Z\"", UserSearch.Dialect.FILTER).test(JANE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "profile.department eq \"Engineering\"",
        "profile.login sw \"jane\"",
        "status gt \"A\"",
        "id pr",
        "created gt \"2026-01-01T00:00:00.000Z\"",
        "STATUS eq \"ACTIVE\"",
        "profile.Login eq \"jane.doe@example.com\""
      })
  void filterRejectsWhatOnlySearchAllows(String expression) {
    ApiErrorException error =
        assertThrows(ApiErrorException.class, () -> UserSearch.parse(expression, UserSearch.Dialect.FILTER));

    assertEquals("E0000031", error.error().errorCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "status",
        "status ne \"ACTIVE\"",
        "status eq ACTIVE",
        "status eq \"ACTIVE\" status eq \"STAGED\"",
        "((status eq \"ACTIVE\")",
        "status eq \"ACTIVE\")",
        "not status eq \"ACTIVE\"",
        "profile. eq \"x\"",
        "lastUpdated gt 5",
        "profile.city co \"Z\"",
        "Status eq \"ACTIVE\"",
        "lastupdated gt \"2026-01-01T00:00:00.000Z\""
      })
  void invalidExpressionGivesE0000031(String expression) {
    ApiErrorException error =
        assertThrows(ApiErrorException.class, () -> UserSearch.parse(expression, UserSearch.Dialect.SEARCH));

    assertEquals(400, error.error().httpStatus());
    assertEquals("E0000031", error.error().errorCode());
  }

  @Test
  void invalidDateGivesE0000030() {
    ApiErrorException error =
        assertThrows(
            ApiErrorException.class,
            () -> UserSearch.parse("lastUpdated gt \"2026-13-01\"", UserSearch.Dialect.SEARCH));

    assertEquals("E0000030", error.error().errorCode());
  }

  private static SimulatedUser user() {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("login", "jane.doe@example.com");
    profile.put("email", "jane.doe@example.com");
    profile.put("firstName", "Jane");
    profile.put("lastName", "Doe");
    profile.put("department", "Engineering");
    profile.put("badge", 42);
    profile.put("remote", true);
    profile.put("teams", List.of("red", "blue"));
    profile.put("nickName", "say \"hi\"");
    profile.put("city", "Zürich");
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    return new SimulatedUser(
        "00uJaneJaneJaneJane1",
        "ACTIVE",
        null,
        now,
        null,
        now,
        null,
        now,
        now,
        "otyDefaultDefaultDef",
        profile,
        true,
        null,
        "OKTA",
        "OKTA");
  }
}
