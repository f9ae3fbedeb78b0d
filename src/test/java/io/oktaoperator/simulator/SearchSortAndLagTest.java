package io.oktaoperator.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sortBy} and {@code sortOrder} of search, and the optional lag of the search index. */
class SearchSortAndLagTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

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
  void sortAscendingOrdersTiesById() {
    String smith1 = seed("a@example.com", "smith");
    String adams = seed("b@example.com", "Adams");
    String smith2 = seed("c@example.com", "Smith");
    String noName = seed("d@example.com", null);

    List<String> ascending = ids(search("id pr", "profile.lastName", null, null));

    assertEquals(List.of(adams, smith1, smith2, noName), ascending);
  }

  @Test
  void sortDescendingKeepsMissingLast() {
    String smith1 = seed("a@example.com", "Smith");
    String adams = seed("b@example.com", "Adams");
    String smith2 = seed("c@example.com", "Smith");
    String noName = seed("d@example.com", null);

    List<String> descending = ids(search("id pr", "profile.lastName", "DESC", null));

    assertEquals(List.of(smith1, smith2, adams, noName), descending);
  }

  @Test
  void sortedSearchPagesInSortOrder() {
    List<String> expected = new ArrayList<>();
    for (String name : new String[] {"Evans", "Baker", "Davis", "Adams", "Clark"}) {
      seed(name.toLowerCase() + "@example.com", name);
    }
    for (String name : new String[] {"Adams", "Baker", "Clark", "Davis", "Evans"}) {
      expected.add(simulator.findUser(name.toLowerCase() + "@example.com").orElseThrow().id());
    }

    List<String> paged = new ArrayList<>();
    SimulatorClient.Response page = search("id pr", "profile.lastName", "asc", 2);
    paged.addAll(ids(page));
    Optional<URI> next = next(page);
    int pages = 1;
    while (next.isPresent()) {
      page = client.getUrl(next.get());
      assertEquals(200, page.status(), page.rawBody());
      paged.addAll(ids(page));
      next = next(page);
      pages++;
    }

    assertEquals(expected, paged);
    assertEquals(3, pages);
  }

  @Test
  void sortByDateOrdersByTime() {
    String first = seed("a@example.com", "Zed");
    clock.advance(Duration.ofMinutes(1));
    String second = seed("b@example.com", "Young");

    assertEquals(List.of(second, first), ids(search("id pr", "created", "desc", null)));
    assertEquals(List.of(first, second), ids(search("id pr", "created", "asc", null)));
  }

  @Test
  void invalidSortGives400() {
    seed("a@example.com", "Smith");

    SimulatorClient.Response unknownAttribute = search("id pr", "Profile.lastName", null, null);
    SimulatorClient.Response unknownOrder = search("id pr", "profile.lastName", "sideways", null);

    assertEquals(400, unknownAttribute.status());
    assertEquals("E0000031", unknownAttribute.body().get("errorCode").asText());
    assertEquals(400, unknownOrder.status());
    assertEquals("E0000031", unknownOrder.body().get("errorCode").asText());
  }

  @Test
  void sortIsIgnoredOutsideSearch() {
    String zed = seed("a@example.com", "Zed");
    String adams = seed("b@example.com", "Adams");

    SimulatorClient.Response listed = client.get("/api/v1/users?sortBy=profile.lastName&sortOrder=asc");
    SimulatorClient.Response filtered =
        client.get("/api/v1/users?filter=" + QueryParameters.encode("status eq \"ACTIVE\"") + "&sortBy=nonsense");

    assertEquals(List.of(zed, adams), ids(listed));
    assertEquals(200, filtered.status());
    assertEquals(List.of(zed, adams), ids(filtered));
  }

  @Test
  void laggingIndexShowsChangesOnlyAfterLag() {
    simulator.setSearchIndexLag(Duration.ofSeconds(2));
    String id = seed("jane@example.com", "Doe");

    List<String> atOnce = ids(search("profile.lastName eq \"Doe\"", null, null, null));
    clock.advance(Duration.ofSeconds(2));
    List<String> afterLag = ids(search("profile.lastName eq \"Doe\"", null, null, null));
    simulator.outOfBand().setProfileAttribute(id, "lastName", "Smith");
    List<String> oldNameRightAfterChange = ids(search("profile.lastName eq \"Doe\"", null, null, null));
    int getById = client.get("/api/v1/users/" + id).status();
    clock.advance(Duration.ofSeconds(2));
    List<String> oldNameAfterLag = ids(search("profile.lastName eq \"Doe\"", null, null, null));
    List<String> newNameAfterLag = ids(filter("profile.lastName eq \"Smith\""));

    assertEquals(List.of(), atOnce);
    assertEquals(List.of(id), afterLag);
    assertEquals(List.of(id), oldNameRightAfterChange);
    assertEquals(200, getById, "get by id is strongly consistent");
    assertEquals(List.of(), oldNameAfterLag);
    assertEquals(List.of(id), newNameAfterLag);
  }

  @Test
  void laggingIndexKeepsDeletedUsersForLag() {
    simulator.setSearchIndexLag(Duration.ofSeconds(1));
    String id = seed("jane@example.com", "Doe");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(id), ids(filter("status eq \"ACTIVE\"")));

    simulator.outOfBand().delete(id);
    List<String> rightAfterDelete = ids(filter("status eq \"ACTIVE\""));
    List<String> plainList = ids(client.get("/api/v1/users"));
    clock.advance(Duration.ofSeconds(1));
    List<String> afterLag = ids(filter("status eq \"ACTIVE\""));

    assertEquals(List.of(id), rightAfterDelete);
    assertEquals(List.of(), plainList, "a plain list is not served from the search index");
    assertEquals(List.of(), afterLag);
  }

  private String seed(String login, String lastName) {
    Map<String, Object> profile = TestUsers.profile(login);
    if (lastName == null) {
      profile.remove("lastName");
    } else {
      profile.put("lastName", lastName);
    }
    return simulator.outOfBand().createUser(profile, "ACTIVE").id();
  }

  private SimulatorClient.Response search(String expression, String sortBy, String sortOrder, Integer limit) {
    StringBuilder url = new StringBuilder("/api/v1/users?search=").append(QueryParameters.encode(expression));
    if (sortBy != null) {
      url.append("&sortBy=").append(sortBy);
    }
    if (sortOrder != null) {
      url.append("&sortOrder=").append(sortOrder);
    }
    if (limit != null) {
      url.append("&limit=").append(limit);
    }
    return client.get(url.toString());
  }

  private SimulatorClient.Response filter(String expression) {
    return client.get("/api/v1/users?filter=" + QueryParameters.encode(expression));
  }

  private static List<String> ids(SimulatorClient.Response response) {
    assertEquals(200, response.status(), response.rawBody());
    List<String> ids = new ArrayList<>();
    for (JsonNode user : response.body()) {
      ids.add(user.get("id").asText());
    }
    return ids;
  }

  private static Optional<URI> next(SimulatorClient.Response response) {
    for (String link : response.links()) {
      Matcher matcher = NEXT.matcher(link);
      if (matcher.matches()) {
        return Optional.of(URI.create(matcher.group(1)));
      }
    }
    assertTrue(response.links().stream().anyMatch(link -> link.endsWith("rel=\"self\"")));
    return Optional.empty();
  }
}
