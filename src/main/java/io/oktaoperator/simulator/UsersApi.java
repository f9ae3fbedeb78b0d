package io.oktaoperator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Users API endpoints: routes a request by method and path, parses its parameters and body,
 * calls the {@link UserStore}, and builds the response.
 */
final class UsersApi {

  /** Default and maximum page size of a list (the maximum is the retired Users API reference's). */
  private static final int DEFAULT_PAGE_SIZE = 200;

  private static final int MAX_PAGE_SIZE = 200;
  private static final int DEFAULT_QUICK_SEARCH_LIMIT = 10;
  private static final int MAX_GROUP_IDS = 20;
  private static final List<String> PROVIDER_TYPES =
      List.of("OKTA", "ACTIVE_DIRECTORY", "LDAP", "FEDERATION", "SOCIAL", "IMPORT");

  private final UserStore store;
  private final UserJson userJson;
  private final ObjectMapper mapper;

  UsersApi(UserStore store, UserJson userJson, ObjectMapper mapper) {
    this.store = store;
    this.userJson = userJson;
    this.mapper = mapper;
  }

  /**
   * Routes a request to its endpoint.
   *
   * @throws ApiErrorException for every error response
   */
  ApiResponse handle(ApiRequest request) {
    List<String> path = request.pathSegments();
    boolean underUsers =
        path.size() >= 3 && path.get(0).equals("api") && path.get(1).equals("v1") && path.get(2).equals("users");
    if (!underUsers) {
      throw ApiErrors.pathNotFound().toException();
    }
    String method = request.method();
    if (path.size() == 3) {
      switch (method) {
        case "GET":
          return listUsers(request);
        case "POST":
          return createUser(request);
        default:
          throw ApiErrors.methodNotAllowed().toException();
      }
    }
    String idOrLogin = path.get(3);
    if (path.size() == 4) {
      switch (method) {
        case "GET":
          return getUser(request, idOrLogin);
        case "POST":
          return updateUser(request, idOrLogin, false);
        case "PUT":
          return updateUser(request, idOrLogin, true);
        case "DELETE":
          return deleteUser(idOrLogin);
        default:
          throw ApiErrors.methodNotAllowed().toException();
      }
    }
    if (path.size() == 5 && path.get(4).equals("roles")) {
      requireMethod(method, "GET");
      return listAdminRoles(request, idOrLogin);
    }
    if (path.size() == 5 && path.get(4).equals("sessions")) {
      requireMethod(method, "DELETE");
      store.revokeSessions(idOrLogin);
      return ApiResponse.noContent();
    }
    if (path.size() == 6) {
      LifecycleOperation operation =
          LifecycleOperation.fromPath(path.get(4), path.get(5))
              .orElseThrow(() -> ApiErrors.pathNotFound().toException());
      requireMethod(method, "POST");
      return runLifecycleOperation(request, idOrLogin, operation);
    }
    throw ApiErrors.pathNotFound().toException();
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw ApiErrors.methodNotAllowed().toException();
    }
  }

  private ApiResponse createUser(ApiRequest request) {
    QueryParameters query = request.query();
    boolean activate = booleanParameter(query, "activate", true);
    String nextLogin = query.first("nextLogin");
    if (nextLogin != null && !nextLogin.equals("changePassword")) {
      throw ApiErrors.typeMismatch("nextLogin must be changePassword").toException();
    }

    ObjectNode body = readObject(request.body());
    JsonNode groupIds = body.get("groupIds");
    if (groupIds != null && groupIds.isArray() && groupIds.size() > MAX_GROUP_IDS) {
      throw ApiErrors.tooManyGroupTargets().toException();
    }

    // The provider flag only declares that the body names a provider, so it is checked for its type.
    booleanParameter(query, "provider", false);
    Credentials credentials = readCredentials(body);
    checkProvider(credentials);
    boolean expirePassword = nextLogin != null;
    if (expirePassword && !activate) {
      throw ApiErrors.expireOnCreateRequiresActivation().toException();
    }
    if (expirePassword && credentials.password() == null) {
      throw ApiErrors.expireOnCreateRequiresPassword().toException();
    }

    Map<String, Object> profile = readProfile(body);
    CreateUserRequest createRequest =
        new CreateUserRequest(
            profile,
            credentials.password(),
            credentials.recoveryQuestion(),
            credentials.providerType(),
            credentials.providerName(),
            readTypeId(body));
    SimulatedUser user = store.create(createRequest, activate, expirePassword);
    return ApiResponse.json(userJson.render(user, request.origin(), true, UserJson.Omissions.NONE));
  }

  /**
   * Checks {@code credentials.provider} on create: a known type, and neither a password nor a
   * recovery question for FEDERATION and SOCIAL users, who sign in elsewhere.
   */
  private static void checkProvider(Credentials credentials) {
    String type = credentials.providerType();
    if (type == null) {
      return;
    }
    if (!PROVIDER_TYPES.contains(type)) {
      throw ApiErrors.validationFailed(
              "provider", List.of("provider.type: Must be one of " + String.join(", ", PROVIDER_TYPES)))
          .toException();
    }
    boolean external = type.equals("FEDERATION") || type.equals("SOCIAL");
    if (external && (credentials.password() != null || credentials.recoveryQuestion() != null)) {
      throw ApiErrors.validationFailed(
              "credentials",
              List.of("credentials: A user with a " + type + " provider cannot have a password or recovery question"))
          .toException();
    }
  }

  private ApiResponse getUser(ApiRequest request, String idOrLogin) {
    SimulatedUser user =
        store.find(idOrLogin).orElseThrow(() -> ApiErrors.userNotFound(idOrLogin).toException());
    UserJson.Omissions omissions = UserJson.Omissions.fromContentType(request.contentType());
    return ApiResponse.json(userJson.render(user, request.origin(), true, omissions));
  }

  /** Runs {@code POST} (partial update) or, with {@code replace}, {@code PUT} (strict replace). */
  private ApiResponse updateUser(ApiRequest request, String idOrLogin, boolean replace) {
    ObjectNode body = readObject(request.body());
    Map<String, Object> profileChanges = body.has("profile") ? readProfile(body) : null;
    Credentials credentials = readCredentials(body);
    UpdateUserRequest update =
        new UpdateUserRequest(profileChanges, credentials.password(), credentials.recoveryQuestion(), readTypeId(body));
    SimulatedUser user = store.update(idOrLogin, update, replace);
    return ApiResponse.json(userJson.render(user, request.origin(), true, UserJson.Omissions.NONE));
  }

  /** Lists the user's admin role assignments; only {@link OutOfBandChanges#assignAdminRole} creates them. */
  private ApiResponse listAdminRoles(ApiRequest request, String idOrLogin) {
    SimulatedUser user =
        store.find(idOrLogin).orElseThrow(() -> ApiErrors.userNotFound(idOrLogin).toException());
    ArrayNode body = mapper.createArrayNode();
    store.adminRoles(user.id()).forEach(role -> body.add(userJson.renderAdminRole(role, user.id(), request.origin())));
    return ApiResponse.json(body);
  }

  private ApiResponse deleteUser(String idOrLogin) {
    store.delete(idOrLogin);
    return ApiResponse.noContent();
  }

  private ApiResponse runLifecycleOperation(ApiRequest request, String idOrLogin, LifecycleOperation operation) {
    QueryParameters query = request.query();
    UserStore.CredentialsChange change = readCredentialsChange(request, operation);
    UserStore.LifecycleResult result = store.applyLifecycle(idOrLogin, operation, change);
    switch (operation) {
      case ACTIVATE:
        return activationResponse(request, result, booleanParameter(query, "sendEmail", true));
      case REACTIVATE:
        return activationResponse(request, result, booleanParameter(query, "sendEmail", false));
      case DEACTIVATE:
      case RESET_FACTORS:
        return ApiResponse.emptyOk();
      case EXPIRE_PASSWORD:
        return ApiResponse.json(userJson.render(result.user(), request.origin(), true, UserJson.Omissions.NONE));
      case EXPIRE_PASSWORD_WITH_TEMP_PASSWORD:
        return ApiResponse.json(mapper.createObjectNode().put("tempPassword", result.token()));
      case RESET_PASSWORD:
        // The current spec marks sendEmail as required; the retired reference gave it the default true.
        return resetPasswordResponse(request, booleanParameter(query, "sendEmail", true), "/reset_password/", result);
      case FORGOT_PASSWORD:
        return resetPasswordResponse(
            request, booleanParameter(query, "sendEmail", true), "/signin/reset-password/", result);
      case FORGOT_PASSWORD_RECOVERY_QUESTION:
      case CHANGE_PASSWORD:
      case CHANGE_RECOVERY_QUESTION:
        return ApiResponse.json(userJson.renderCredentials(result.user()));
      default:
        return ApiResponse.json(mapper.createObjectNode());
    }
  }

  private ApiResponse resetPasswordResponse(
      ApiRequest request, boolean sendEmail, String pathPrefix, UserStore.LifecycleResult result) {
    ObjectNode body = mapper.createObjectNode();
    if (!sendEmail) {
      body.put("resetPasswordUrl", request.origin() + pathPrefix + result.token());
    }
    return ApiResponse.json(body);
  }

  /**
   * Reads the body of the credential operations that take one, and checks that every field they
   * need is present.
   *
   * @throws ApiErrorException 400 E0000003 for malformed JSON, or 400 E0000001 with one cause per
   *     missing field
   */
  private UserStore.CredentialsChange readCredentialsChange(ApiRequest request, LifecycleOperation operation) {
    switch (operation) {
      case CHANGE_PASSWORD: {
        ObjectNode body = readObject(request.body());
        List<String> causes = new ArrayList<>();
        String oldPassword = textAt(body, "/oldPassword/value", "oldPassword", causes);
        String newPassword = textAt(body, "/newPassword/value", "newPassword", causes);
        if (!causes.isEmpty()) {
          throw ApiErrors.validationFailed("changePassword", causes).toException();
        }
        boolean strict = booleanParameter(request.query(), "strict", false);
        return new UserStore.CredentialsChange(oldPassword, newPassword, null, null, strict);
      }
      case CHANGE_RECOVERY_QUESTION: {
        ObjectNode body = readObject(request.body());
        List<String> causes = new ArrayList<>();
        String password = textAt(body, "/password/value", "password", causes);
        String question = textAt(body, "/recovery_question/question", "recovery_question.question", causes);
        String answer = textAt(body, "/recovery_question/answer", "recovery_question.answer", causes);
        if (!causes.isEmpty()) {
          throw ApiErrors.validationFailed("changeRecoveryQuestion", causes).toException();
        }
        return new UserStore.CredentialsChange(password, null, new RecoveryQuestion(question, answer), null, false);
      }
      case FORGOT_PASSWORD_RECOVERY_QUESTION: {
        ObjectNode body = readObject(request.body());
        List<String> causes = new ArrayList<>();
        String newPassword = textAt(body, "/password/value", "password", causes);
        String answer = textAt(body, "/recovery_question/answer", "recovery_question.answer", causes);
        if (!causes.isEmpty()) {
          throw ApiErrors.validationFailed("forgotPassword", causes).toException();
        }
        return new UserStore.CredentialsChange(null, newPassword, null, answer, false);
      }
      default:
        return UserStore.CredentialsChange.NONE;
    }
  }

  /** Returns the text at a JSON pointer, or adds a "cannot be left blank" cause for {@code field}. */
  private static String textAt(ObjectNode body, String pointer, String field, List<String> causes) {
    JsonNode value = body.at(pointer);
    if (!value.isTextual() || value.asText().isBlank()) {
      causes.add(field + ": The field cannot be left blank");
      return null;
    }
    return value.asText();
  }

  private ApiResponse activationResponse(ApiRequest request, UserStore.LifecycleResult result, boolean sendEmail) {
    if (sendEmail) {
      return ApiResponse.json(mapper.createObjectNode());
    }
    return ApiResponse.json(userJson.renderActivationToken(request.origin(), result.token()));
  }

  /**
   * Lists users. With {@code search} or {@code filter}, DEPROVISIONED users are included; without,
   * they are left out. {@code q} is a prefix match on first name, last name and e-mail, unpaginated.
   */
  private ApiResponse listUsers(ApiRequest request) {
    QueryParameters query = request.query();
    String search = query.first("search");
    String filter = query.first("filter");
    String quickSearch = query.first("q");
    if (search != null && filter != null) {
      throw ApiErrors.searchAndFilterTogether().toException();
    }

    Predicate<SimulatedUser> predicate;
    boolean paginated = true;
    int defaultLimit = DEFAULT_PAGE_SIZE;
    // sortBy applies to search only; sortOrder is ignored without sortBy.
    String sortBy = search == null ? null : query.first("sortBy");
    Comparator<SimulatedUser> order = sortBy == null ? null : UserSort.comparator(sortBy, query.first("sortOrder"));
    List<SimulatedUser> candidates;
    if (search != null) {
      predicate = UserSearch.parse(search, UserSearch.Dialect.SEARCH);
      candidates = store.searchable();
    } else if (filter != null) {
      predicate = UserSearch.parse(filter, UserSearch.Dialect.FILTER);
      candidates = store.searchable();
    } else if (quickSearch != null) {
      predicate = isNotDeprovisioned().and(startsWithInNameOrEmail(quickSearch));
      paginated = false;
      defaultLimit = DEFAULT_QUICK_SEARCH_LIMIT;
      candidates = store.all();
    } else {
      predicate = isNotDeprovisioned();
      candidates = store.all();
    }
    int limit = pageSize(query.first("limit"), defaultLimit);
    String after = query.first("after");
    if (order != null) {
      candidates = new ArrayList<>(candidates);
      candidates.sort(order);
    }
    ListCursor cursor = after == null ? null : ListCursor.parse(after, order != null);

    List<SimulatedUser> page = new ArrayList<>();
    boolean hasMore = false;
    for (SimulatedUser user : candidates) {
      if ((cursor != null && !cursor.isBefore(user, order)) || !predicate.test(user)) {
        continue;
      }
      if (page.size() == limit) {
        hasMore = true;
        break;
      }
      page.add(user);
    }

    ArrayNode body = mapper.createArrayNode();
    UserJson.Omissions omissions = UserJson.Omissions.fromContentType(request.contentType());
    page.forEach(user -> body.add(userJson.render(user, request.origin(), false, omissions)));
    List<String> links = new ArrayList<>();
    links.add(listLink(request, limit, after, "self"));
    if (paginated && hasMore) {
      SimulatedUser last = page.get(page.size() - 1);
      String next = order == null ? last.id() : ListCursor.sorted(last, sortBy);
      links.add(listLink(request, limit, next, "next"));
    }
    return new ApiResponse(200, body, links);
  }

  /**
   * Builds a {@code Link} header value for a list: the request's parameters, then {@code limit},
   * then {@code after} if given.
   */
  private static String listLink(ApiRequest request, int limit, String after, String relation) {
    List<String> parameters = new ArrayList<>();
    request
        .query()
        .asMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("limit") && !name.equals("after")) {
                values.forEach(
                    value -> parameters.add(QueryParameters.encode(name) + "=" + QueryParameters.encode(value)));
              }
            });
    parameters.add("limit=" + limit);
    if (after != null) {
      parameters.add("after=" + QueryParameters.encode(after));
    }
    String url = request.origin() + "/api/v1/users?" + String.join("&", parameters);
    return "<" + url + ">; rel=\"" + relation + "\"";
  }

  private static Predicate<SimulatedUser> isNotDeprovisioned() {
    return user -> !user.status().equals(UserStatus.DEPROVISIONED.name());
  }

  private static Predicate<SimulatedUser> startsWithInNameOrEmail(String prefix) {
    String lowerCasePrefix = prefix.toLowerCase(Locale.ROOT);
    return user ->
        List.of("firstName", "lastName", "email").stream()
            .map(name -> user.profile().get(name))
            .anyMatch(value -> value != null && value.toString().toLowerCase(Locale.ROOT).startsWith(lowerCasePrefix));
  }

  private static int pageSize(String limit, int defaultLimit) {
    if (limit == null) {
      return defaultLimit;
    }
    int value;
    try {
      value = Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      throw ApiErrors.invalidPaging().toException();
    }
    if (value < 1) {
      throw ApiErrors.invalidPaging().toException();
    }
    return Math.min(value, MAX_PAGE_SIZE);
  }

  private static boolean booleanParameter(QueryParameters query, String name, boolean defaultValue) {
    String value = query.first(name);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiErrors.typeMismatch(name + " must be true or false").toException();
  }

  private ObjectNode readObject(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw ApiErrors.malformedBody().toException();
    } catch (IOException e) {
      throw new IllegalStateException("Reading a byte array failed", e);
    }
    throw ApiErrors.malformedBody().toException();
  }

  /** Returns the attributes of {@code profile}, JSON nulls kept as null values. */
  private Map<String, Object> readProfile(ObjectNode body) {
    JsonNode profile = body.get("profile");
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (profile == null || profile.isNull()) {
      return attributes;
    }
    if (!profile.isObject()) {
      throw ApiErrors.malformedBody().toException();
    }
    for (Map.Entry<String, JsonNode> field : profile.properties()) {
      attributes.put(field.getKey(), toJavaValue(field.getValue()));
    }
    return attributes;
  }

  private Object toJavaValue(JsonNode value) {
    try {
      return mapper.treeToValue(value, Object.class);
    } catch (JsonProcessingException e) {
      throw ApiErrors.malformedBody().toException();
    }
  }

  private static String readTypeId(ObjectNode body) {
    JsonNode id = body.path("type").path("id");
    return id.isTextual() ? id.asText() : null;
  }

  private record Credentials(
      PasswordInput password, RecoveryQuestion recoveryQuestion, String providerType, String providerName) {}

  private static Credentials readCredentials(ObjectNode body) {
    JsonNode credentials = body.get("credentials");
    if (credentials == null || credentials.isNull()) {
      return new Credentials(null, null, null, null);
    }
    if (!credentials.isObject()) {
      throw ApiErrors.malformedBody().toException();
    }
    JsonNode password = credentials.path("password");
    PasswordInput passwordInput = null;
    if (password.path("value").isTextual()) {
      passwordInput = new PasswordInput(password.get("value").asText(), false);
    } else if (password.path("hash").isObject()) {
      PasswordHashes.validate((ObjectNode) password.get("hash"));
      passwordInput = new PasswordInput(null, true);
    } else if (password.path("hook").isObject()) {
      if (!password.at("/hook/type").asText().equals("default")) {
        throw ApiErrors.validationFailed("password", List.of("password.hook.type: The only supported type is default"))
            .toException();
      }
      passwordInput = new PasswordInput(null, true);
    }

    JsonNode recovery = credentials.path("recovery_question");
    RecoveryQuestion recoveryQuestion = null;
    if (recovery.isObject()) {
      String question = recovery.path("question").asText("");
      String answer = recovery.path("answer").asText("");
      List<String> causes = new ArrayList<>();
      if (question.isBlank()) {
        causes.add("recovery_question.question: The field cannot be left blank");
      }
      if (answer.isBlank()) {
        causes.add("recovery_question.answer: The field cannot be left blank");
      }
      if (!causes.isEmpty()) {
        throw ApiErrors.validationFailed("recovery_question", causes).toException();
      }
      recoveryQuestion = new RecoveryQuestion(question, answer);
    }

    JsonNode provider = credentials.path("provider");
    String providerType = provider.path("type").isTextual() ? provider.get("type").asText() : null;
    String providerName = provider.path("name").isTextual() ? provider.get("name").asText() : null;
    return new Credentials(passwordInput, recoveryQuestion, providerType, providerName);
  }
}
