package io.oktaoperator.simulator;

import static io.oktaoperator.simulator.TestUsers.createBody;
import static io.oktaoperator.simulator.TestUsers.createBodyWithPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListUsersTest {

  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"([a-z]+)\"");

  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private OktaSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() {
    simulator = OktaSimulator.start(SimulatorOptions.builder().apiToken("test-token").clock(clock).build());
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void listHidesDeprovisionedUnlessSearch() {
    String active = createUser("active@example.com");
    String deprovisioned = createUser("gone@example.com");
    client.post("/api/v1/users/" + deprovisioned + "/lifecycle/deactivate");

    List<String> listed = ids(client.get("/api/v1/users"));
    List<String> searched = ids(client.get("/api/v1/users?search=" + encode("status eq \"DEPROVISIONED\"")));
    List<String> everything = ids(client.get("/api/v1/users?search=" + encode("id pr")));

    assertEquals(List.of(active), listed);
    assertEquals(List.of(deprovisioned), searched);
    assertEquals(List.of(active, deprovisioned), everything);
  }

  @Test
  void filterIncludesDeprovisioned() {
    String id = createUser("gone@example.com");
    client.post("/api/v1/users/" + id + "/lifecycle/deactivate");

    List<String> filtered = ids(client.get("/api/v1/users?filter=" + encode("status eq \"DEPROVISIONED\"")));

    assertEquals(List.of(id), filtered);
  }

  @Test
  void paginatesWithNextLinkOnlyWhenMoreExist() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(createUser("user" + i + "@example.com"));
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    SimulatorClient.Response page = client.get("/api/v1/users?limit=2");
    while (true) {
      assertEquals(200, page.status());
      assertNotNull(linkOf(page, "self"), "every page has a self link");
      pageSizes.add(page.body().size());
      seen.addAll(ids(page));
      String next = linkOf(page, "next");
      if (next == null) {
        break;
      }
      page = client.getUrl(URI.create(next));
    }

    assertEquals(List.of(2, 2, 1), pageSizes);
    assertEquals(created, seen);
  }

  @Test
  void fullLastPageHasNoNextLink() {
    createUser("one@example.com");
    createUser("two@example.com");

    SimulatorClient.Response page = client.get("/api/v1/users?limit=2");

    assertEquals(2, page.body().size());
    assertNull(linkOf(page, "next"));
  }

  @Test
  void linksRepeatQueryOnBaseUrl() {
    createUser("one@example.com");
    String second = createUser("two@example.com");
    createUser("three@example.com");
    String search = "profile.firstName eq \"First\"";

    SimulatorClient.Response page = client.get("/api/v1/users?search=" + encode(search) + "&limit=1&after=" + "00u");

    String base = simulator.baseUrl() + "/api/v1/users?search=profile.firstName%20eq%20%22First%22&limit=1";
    assertEquals(base + "&after=00u", linkOf(page, "self"));
    String next = linkOf(page, "next");
    assertTrue(next.startsWith(base + "&after=00u"), next);
    assertFalse(ids(page).contains(second));
  }

  @Test
  void defaultSelfLinkCarriesDefaultLimit() {
    SimulatorClient.Response page = client.get("/api/v1/users");

    assertEquals(simulator.baseUrl() + "/api/v1/users?limit=200", linkOf(page, "self"));
    assertEquals(0, page.body().size());
  }

  @Test
  void listItemsCarryOnlySelfLink() {
    String id = createUserWithPassword("jane.doe@example.com");

    JsonNode item = client.get("/api/v1/users").body().get(0);

    assertEquals(id, item.get("id").asText());
    assertEquals(1, item.get("_links").size());
    assertTrue(item.get("_links").has("self"));
  }

  @Test
  void searchesByLoginStatusAndId() {
    String jane = createUserWithPassword("jane.doe@example.com");
    String john = createUser("john.doe@example.com");

    List<String> byLogin = search("profile.login eq \"JANE.DOE@example.com\"");
    List<String> byStatus = search("status eq \"PROVISIONED\"");
    List<String> byId = search("id eq \"" + john + "\"");

    assertEquals(List.of(jane), byLogin);
    assertEquals(List.of(john), byStatus);
    assertEquals(List.of(john), byId);
  }

  @Test
  void searchesByLastUpdatedAfterDate() {
    createUser("old@example.com");
    clock.advance(Duration.ofHours(1));
    String recent = createUser("recent@example.com");

    List<String> found = search("lastUpdated gt \"2026-03-01T10:30:00.000Z\"");

    assertEquals(List.of(recent), found);
  }

  @Test
  void searchCombinesAndWithOr() {
    String jane = createUserWithPassword("jane.doe@example.com");
    String john = createUser("john.doe@example.com");
    createUser("mary.major@example.com");

    List<String> found =
        search("status eq \"ACTIVE\" or profile.login sw \"john\" and profile.email co \"doe\"");
    List<String> grouped =
        search("(status eq \"ACTIVE\" or status eq \"PROVISIONED\") and profile.login sw \"j\"");

    assertEquals(List.of(jane, john), found);
    assertEquals(List.of(jane, john), grouped);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status eq",
        "status equals \"ACTIVE\"",
        "(status eq \"ACTIVE\"",
        "status eq \"ACTIVE\" and",
        "unknownAttribute eq \"x\"",
        "profile.department co \"Eng\"",
        "status eq \"ACTIVE"
      })
  void unparsableSearchGives400(String expression) {
    SimulatorClient.Response response = client.get("/api/v1/users?search=" + encode(expression));

    assertEquals(400, response.status());
    assertEquals("E0000031", response.body().get("errorCode").asText());
  }

  @Test
  void invalidDateInSearchGives400() {
    SimulatorClient.Response response = client.get("/api/v1/users?search=" + encode("lastUpdated gt \"yesterday\""));

    assertEquals(400, response.status());
    assertEquals("E0000030", response.body().get("errorCode").asText());
  }

  @Test
  void searchAndFilterTogetherGive400() {
    SimulatorClient.Response response =
        client.get("/api/v1/users?search=" + encode("id pr") + "&filter=" + encode("status eq \"ACTIVE\""));

    assertEquals(400, response.status());
    assertEquals("E0000033", response.body().get("errorCode").asText());
  }

  @Test
  void quickSearchMatchesNamePrefixWithoutPaging() {
    String jane = createUser("jane.doe@example.com");
    createUser("mary.major@example.com");
    client.post("/api/v1/users/" + createUser("jane.gone@example.com") + "/lifecycle/deactivate");

    SimulatorClient.Response response = client.get("/api/v1/users?q=JANE&limit=1");

    assertEquals(List.of(jane), ids(response));
    assertNull(linkOf(response, "next"));
  }

  @Test
  void invalidLimitGives400() {
    SimulatorClient.Response response = client.get("/api/v1/users?limit=zero");

    assertEquals(400, response.status());
    assertEquals("E0000029", response.body().get("errorCode").asText());
  }

  private List<String> search(String expression) {
    SimulatorClient.Response response = client.get("/api/v1/users?search=" + encode(expression));
    assertEquals(200, response.status(), response.rawBody());
    return ids(response);
  }

  private String createUser(String login) {
    return client.post("/api/v1/users", createBody(login)).body().get("id").asText();
  }

  private String createUserWithPassword(String login) {
    return client.post("/api/v1/users", createBodyWithPassword(login)).body().get("id").asText();
  }

  private static List<String> ids(SimulatorClient.Response response) {
    List<String> ids = new ArrayList<>();
    response.body().forEach(user -> ids.add(user.get("id").asText()));
    return ids;
  }

  private static String linkOf(SimulatorClient.Response response, String relation) {
    for (String header : response.links()) {
      Matcher matcher = LINK.matcher(header);
      if (matcher.matches() && matcher.group(2).equals(relation)) {
        return matcher.group(1);
      }
    }
    return null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
