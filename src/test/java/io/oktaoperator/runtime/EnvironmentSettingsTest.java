package io.oktaoperator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

  static final String TOKEN = "00abcSecretToken";

  @Test
  void readsAllSettings() {
    var settings = EnvironmentSettings.from(
        Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN, "WATCH_NAMESPACES", "team-a, team-b,,"), false);

    assertEquals(URI.create("https://acme.okta.com"), settings.oktaOrgUrl());
    assertEquals(TOKEN, settings.oktaApiToken().reveal());
    assertEquals(Set.of("team-a", "team-b"), settings.watchNamespaces());
  }

  @Test
  void emptyWatchNamespacesMeansAll() {
    var settings = EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN), false);

    assertTrue(settings.watchNamespaces().isEmpty());
  }

  @Test
  void missingOrgUrlNamesTheVariable() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_API_TOKEN", TOKEN), false));

    assertTrue(error.getMessage().startsWith("OKTA_ORG_URL is not set"), error.getMessage());
  }

  @Test
  void missingTokenNamesTheVariable() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "https://acme.okta.com"), false));

    assertTrue(error.getMessage().startsWith("OKTA_API_TOKEN is not set"), error.getMessage());
  }

  @Test
  void plainHttpIsRejectedWithoutLoopbackFlag() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "http://127.0.0.1:8181", "OKTA_API_TOKEN", TOKEN), false));

    assertTrue(error.getMessage().contains("must use https"), error.getMessage());
  }

  @Test
  void malformedUrlIsRejected() {
    for (String url : new String[] {"acme.okta.com", "https://", "https://acme.okta.com/api/v1", "ht tp://x"}) {
      var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
          () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", url, "OKTA_API_TOKEN", TOKEN), false), url);
      assertTrue(error.getMessage().startsWith("OKTA_ORG_URL"), error.getMessage());
    }
  }

  @Test
  void tokenWithWhitespaceIsRejectedWithoutEchoingIt() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN + "\n"), false));

    assertTrue(error.getMessage().startsWith("OKTA_API_TOKEN contains whitespace"), error.getMessage());
    assertFalse(error.getMessage().contains(TOKEN));
  }

  @Test
  void unknownLogLevelIsRejected() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN, "LOG_LEVEL", "LOUD"), false));

    assertTrue(error.getMessage().startsWith("LOG_LEVEL must be one of"), error.getMessage());
  }

  @Test
  void lowerCaseLogLevelIsAccepted() {
    var settings = EnvironmentSettings.from(
        Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN, "LOG_LEVEL", "debug"), false);

    assertEquals(URI.create("https://acme.okta.com"), settings.oktaOrgUrl());
  }

  @Test
  void invalidNamespaceNameIsRejected() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(
            Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", TOKEN, "WATCH_NAMESPACES", "team-a,Team_B"), false));

    assertTrue(error.getMessage().contains("'Team_B'"), error.getMessage());
  }

  @Test
  void tokenWithSchemeGetsHint() {
    var error = assertThrows(EnvironmentSettings.InvalidSettingException.class,
        () -> EnvironmentSettings.from(Map.of("OKTA_ORG_URL", "https://acme.okta.com", "OKTA_API_TOKEN", "SSWS " + TOKEN), false));

    assertTrue(error.getMessage().contains("without the scheme"), error.getMessage());
    assertFalse(error.getMessage().contains(TOKEN));
  }
}
