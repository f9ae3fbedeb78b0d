package io.oktaoperator.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for Okta's Users API (one instance per Okta org, shared by all reconciles). Every call has a
 * connect, read, write and overall call timeout, and every failure surfaces as an {@link
 * OktaException} subclass. The client never retries. It follows no redirects and turns off OkHttp's
 * silent retry on connection failure, so the caller owns every retry decision.
 *
 * <p>Every request first passes the org's {@link RateLimiter}, which throws a client-side {@link
 * OktaRateLimitException} at once, without sending, when the budget is spent. No method waits for
 * rate-limit budget.
 *
 * <p>Thread-safe. Logs one DEBUG line per HTTP call or rejected request and nothing at INFO or above.
 */
public final class OktaClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OktaClient.class);

  private static final MediaType JSON = MediaType.get("application/json");
  // Okta rejects a POST without Content-Length with HTTP 411. An empty body makes OkHttp send
  // Content-Length: 0.
  private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);
  private static final String USERS_PATH = "api/v1/users";

  static final String USER_AGENT = "okta-user-operator/" + implementationVersion() + " okhttp/" + OkHttp.VERSION;

  private final HttpUrl baseUrl;
  private final String authorization;
  private final OkHttpClient http;
  private final UserJson json;
  private final OktaErrorMapper errorMapper;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, RateLimitSnapshot> rateLimitsByEndpoint = new ConcurrentHashMap<>();
  private final AtomicReference<RateLimitSnapshot> lastRateLimit = new AtomicReference<>();
  private final OktaCallListener listener;
  private final RateLimiter rateLimiter;

  private OktaClient(Builder builder) {
    this.baseUrl = OrgUrl.parse(builder.orgUrl, builder.allowInsecureLoopback);
    this.listener = builder.listener;
    this.rateLimiter = new RateLimiter(builder.clock, builder.maxConcurrentRequests, builder.rateLimitReserve);
    this.authorization = "SSWS " + checkedToken(builder.apiToken);

    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(checkedTimeout("connectTimeout", builder.connectTimeout))
            .readTimeout(checkedTimeout("readTimeout", builder.readTimeout))
            .writeTimeout(checkedTimeout("writeTimeout", builder.writeTimeout))
            .callTimeout(checkedTimeout("callTimeout", builder.callTimeout))
            // A redirect would be a retry of sorts, and could carry the request to another host.
            .followRedirects(false)
            .followSslRedirects(false)
            // OkHttp would otherwise repeat some failed requests, including a POST that may have
            // reached Okta. Retries belong to the caller.
            .retryOnConnectionFailure(false)
            .build();

    var mapper = UserJson.newMapper();
    this.json = new UserJson(mapper);
    this.errorMapper = new OktaErrorMapper(mapper);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns the org's base URL, such as {@code https://acme.okta.com}. */
  public URI orgUrl() {
    String url = baseUrl.toString();
    return URI.create(url.substring(0, url.length() - 1));
  }

  /**
   * Creates a user: {@code POST /api/v1/users?activate={activate}}.
   *
   * @param activate true to activate as part of creation (Okta's default), false to leave it STAGED
   * @throws IllegalArgumentException when the profile is missing, or only one of the recovery
   *     question and answer is set
   */
  public OktaAccount createUser(NewUser user, boolean activate) {
    return createUser(user, activate, false);
  }

  /**
   * Creates a user: {@code POST /api/v1/users?activate={activate}}, adding {@code
   * nextLogin=changePassword} when the user must change the password at first sign-in.
   *
   * @param changePasswordAtNextLogin true to expire the given password at once; Okta accepts it only
   *     with {@code activate} and a password
   * @throws IllegalArgumentException as {@link #createUser(NewUser, boolean)}, and when {@code
   *     changePasswordAtNextLogin} comes without a password or without {@code activate}
   */
  public OktaAccount createUser(NewUser user, boolean activate, boolean changePasswordAtNextLogin) {
    Objects.requireNonNull(user, "user");
    if (changePasswordAtNextLogin && (!activate || user.password() == null)) {
      throw new IllegalArgumentException("nextLogin=changePassword needs activate=true and a password");
    }
    if (user.profile() == null) {
      throw new IllegalArgumentException("NewUser.profile is missing; Okta requires a profile to create a user");
    }
    if ((user.recoveryQuestion() == null) != (user.recoveryAnswer() == null)) {
      throw new IllegalArgumentException(
          "NewUser has a recovery question or a recovery answer but not both; Okta requires both together");
    }

    HttpUrl.Builder url = usersUrl().addQueryParameter("activate", Boolean.toString(activate));
    if (changePasswordAtNextLogin) {
      url.addQueryParameter("nextLogin", "changePassword");
    }
    Request request = newRequest(url.build()).post(RequestBody.create(json.createUserBody(user), JSON)).build();
    return send(Endpoint.CREATE_USER, request, (headers, body) -> json.readUser(body));
  }

  /** Reads a user by id or login: {@code GET /api/v1/users/{idOrLogin}}; empty on 404. */
  public Optional<OktaAccount> findUser(String idOrLogin) {
    HttpUrl url = userUrl(idOrLogin).build();
    Request request = newRequest(url).get().build();
    try {
      return Optional.of(send(Endpoint.GET_USER, request, (headers, body) -> json.readUser(body)));
    } catch (OktaNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Lists the types of the admin roles assigned to a user, such as {@code SUPER_ADMIN} or {@code
   * USER_ADMIN}: {@code GET /api/v1/users/{id}/roles}. An empty list means the user is no administrator.
   */
  public List<String> listAdminRoleTypes(String id) {
    HttpUrl url = userUrl(id).addPathSegment("roles").build();
    Request request = newRequest(url).get().build();
    return send(Endpoint.LIST_ASSIGNED_ROLES, request, (headers, body) -> json.readRoleTypes(body));
  }

  /**
   * Lists users matching a search expression, following every {@code Link rel="next"}: {@code GET
   * /api/v1/users?search={expression}&limit={pageSize}}. Search results include DEPROVISIONED users.
   *
   * <p>Okta's search index is eventually consistent, so a user created a moment ago may be missing.
   * Next links are followed verbatim, but only to the org's own scheme, host and port, because
   * every request carries the API token.
   *
   * @param pageSize users per page; Okta's documentation gives 200 as the maximum
   * @throws OktaTransportException also when a next link points to another host or back to a page
   *     already read
   */
  public List<OktaAccount> searchUsers(String expression, int pageSize) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("search expression is missing or blank");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }

    HttpUrl url =
        usersUrl()
            .addQueryParameter("search", expression)
            .addQueryParameter("limit", Integer.toString(pageSize))
            .build();
    List<OktaAccount> users = new ArrayList<>();
    Set<HttpUrl> visited = new HashSet<>();

    while (url != null) {
      visited.add(url);
      Request request = newRequest(url).get().build();
      Page page =
          send(
              Endpoint.LIST_USERS,
              request,
              (headers, body) -> new Page(json.readUsers(body), LinkHeader.findNext(headers.values("Link"))));
      users.addAll(page.users());

      String operation = describe(Endpoint.LIST_USERS, request);
      url = page.next().isPresent() ? nextPageUrl(operation, url, page.next().get(), visited) : null;
    }
    return users;
  }

  /**
   * Changes only the given profile attributes: {@code POST /api/v1/users/{id}} with {@code
   * {"profile": changes}}. A null value is sent as JSON null and clears that attribute.
   */
  public OktaAccount updateProfile(String id, Map<String, Object> changes) {
    Objects.requireNonNull(changes, "changes");
    HttpUrl url = userUrl(id).build();
    Request request = newRequest(url).post(RequestBody.create(json.profileUpdateBody(changes), JSON)).build();
    return send(Endpoint.UPDATE_USER, request, (headers, body) -> json.readUser(body));
  }

  /** Sets the password administratively: {@code POST /api/v1/users/{id}} with {@code credentials.password}. */
  public OktaAccount setPassword(String id, SecretValue password) {
    Objects.requireNonNull(password, "password");
    HttpUrl url = userUrl(id).build();
    Request request = newRequest(url).post(RequestBody.create(json.passwordBody(password), JSON)).build();
    return send(Endpoint.UPDATE_USER, request, (headers, body) -> json.readUser(body));
  }

  /**
   * {@code POST /api/v1/users/{id}/lifecycle/activate?sendEmail={sendEmail}}; the activation token is
   * discarded. Asynchronous in Okta.
   */
  public void activate(String id, boolean sendEmail) {
    lifecycle(Endpoint.ACTIVATE_USER, id, "activate", sendEmail);
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/reactivate?sendEmail={sendEmail}}; the token is discarded. */
  public void reactivate(String id, boolean sendEmail) {
    lifecycle(Endpoint.REACTIVATE_USER, id, "reactivate", sendEmail);
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/deactivate}. Asynchronous in Okta. */
  public void deactivate(String id) {
    lifecycle(Endpoint.DEACTIVATE_USER, id, "deactivate", null);
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/suspend}. */
  public void suspend(String id) {
    lifecycle(Endpoint.SUSPEND_USER, id, "suspend", null);
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/unsuspend}. */
  public void unsuspend(String id) {
    lifecycle(Endpoint.UNSUSPEND_USER, id, "unsuspend", null);
  }

  /**
   * Expires the user's password, so the user must change it at the next sign-in: {@code POST
   * /api/v1/users/{id}/lifecycle/expire_password}.
   *
   * @return the user, now PASSWORD_EXPIRED
   */
  public OktaAccount expirePassword(String id) {
    HttpUrl url = userUrl(id).addPathSegment("lifecycle").addPathSegment("expire_password").build();
    Request request = newRequest(url).post(EMPTY_BODY).build();
    return send(Endpoint.EXPIRE_PASSWORD, request, (headers, body) -> json.readUser(body));
  }

  /** Removes every enrolled MFA factor: {@code POST /api/v1/users/{id}/lifecycle/reset_factors}. */
  public void resetFactors(String id) {
    lifecycle(Endpoint.RESET_FACTORS, id, "reset_factors", null);
  }

  /** {@code POST /api/v1/users/{id}/lifecycle/unlock}. */
  public void unlock(String id) {
    lifecycle(Endpoint.UNLOCK_USER, id, "unlock", null);
  }

  /**
   * {@code DELETE /api/v1/users/{id}}. On a user that is not DEPROVISIONED, Okta deactivates it; on a
   * DEPROVISIONED user it deletes it permanently.
   */
  public void delete(String id) {
    HttpUrl url = userUrl(id).build();
    Request request = newRequest(url).delete().build();
    send(Endpoint.DELETE_USER, request, (headers, body) -> null);
  }

  /**
   * Returns the rate-limit headers of the most recent response that carried them, from any endpoint,
   * or empty before the first such response.
   */
  public Optional<RateLimitSnapshot> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /**
   * Returns a copy of the rate-limit headers last seen per endpoint, keyed by {@link
   * RateLimitSnapshot#endpoint()} such as {@code GET /api/v1/users/{id}}.
   */
  public Map<String, RateLimitSnapshot> lastRateLimits() {
    return Map.copyOf(rateLimitsByEndpoint);
  }

  /**
   * Returns a copy of the client-side rate-limit budget per bucket, keyed like {@link
   * #lastRateLimits()}. Unlike the headers, {@code remaining} counts down as requests are sent, and
   * after a 429 it is 0 until {@code resetAt}. {@code limit} is 0 when Okta has not reported one
   * for the bucket, and a {@code resetAt} in the past means the window has ended.
   */
  public Map<String, RateLimitSnapshot> budgets() {
    return rateLimiter.budgets();
  }

  /**
   * Shuts down OkHttp's dispatcher executor and closes its pooled connections. Calls made after
   * this throw {@link IllegalStateException}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "OktaClient{orgUrl=" + orgUrl() + "}";
  }

  /** Returns the underlying OkHttp client, for tests that check its settings. */
  OkHttpClient httpClient() {
    return http;
  }

  /** Returns the number of requests whose response has not been read yet, for tests of the in-flight cap. */
  int requestsInFlight() {
    return rateLimiter.requestsInFlight();
  }

  private void lifecycle(Endpoint endpoint, String id, String action, Boolean sendEmail) {
    HttpUrl.Builder url = userUrl(id).addPathSegment("lifecycle").addPathSegment(action);
    if (sendEmail != null) {
      url.addQueryParameter("sendEmail", sendEmail.toString());
    }
    Request request = newRequest(url.build()).post(EMPTY_BODY).build();

    // The body of activate and reactivate may hold an activation token and URL, which are
    // secrets. send() reads the body only so that the connection can be reused, and drops it.
    send(endpoint, request, (headers, body) -> null);
  }

  private HttpUrl.Builder usersUrl() {
    return baseUrl.newBuilder().addPathSegments(USERS_PATH);
  }

  private HttpUrl.Builder userUrl(String idOrLogin) {
    return usersUrl().addEncodedPathSegment(encodePathSegment(idOrLogin));
  }

  /**
   * Percent-encodes a user id or login as one path segment, as Okta's Java SDK does. Every character
   * but letters, digits and {@code -._*} is encoded, so {@code /}, {@code +}, {@code @} and {@code ?}
   * cannot change the path.
   */
  static String encodePathSegment(String idOrLogin) {
    if (idOrLogin == null || idOrLogin.isBlank()) {
      throw new IllegalArgumentException("user id or login is missing or blank");
    }
    if (idOrLogin.equals(".") || idOrLogin.equals("..")) {
      // OkHttp resolves "." and ".." segments, which would change the path of the request.
      throw new IllegalArgumentException("user id or login must not be '" + idOrLogin + "'");
    }
    return URLEncoder.encode(idOrLogin, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Request.Builder newRequest(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT);
  }

  /**
   * Sends one request and returns what {@code reader} makes of a 2xx response. Every other status
   * goes through {@link OktaErrorMapper}, and an I/O failure or timeout becomes an {@link
   * OktaTransportException}.
   *
   * @throws OktaRateLimitException without sending when {@link RateLimiter} rejects the request
   */
  private <T> T send(Endpoint endpoint, Request request, ResponseReader<T> reader) {
    if (closed.get()) {
      throw new IllegalStateException("OktaClient for " + orgUrl() + " is closed");
    }
    String operation = describe(endpoint, request);

    int status;
    Headers headers;
    byte[] body;
    Instant rateLimitResetAt;
    long startNanos;
    RateLimiter.Permit permit = acquirePermit(endpoint, request, operation);
    try {
      startNanos = System.nanoTime();
      try (Response response = http.newCall(request).execute()) {
        status = response.code();
        headers = response.headers();
        body = response.body().bytes();
      } catch (IOException e) {
        listener.onCall(endpoint.operationId, OktaCallListener.NO_RESPONSE, Duration.ofNanos(System.nanoTime() - startNanos), null);
        LOG.debug(
            "{} {} {} failed after {} ms: {}",
            endpoint.operationId,
            request.method(),
            logTarget(request.url()),
            elapsedMillis(startNanos),
            e.toString());
        throw transportFailure(operation, e);
      }
      rateLimitResetAt = rateLimiter.recordResponse(endpoint.rateLimitKey(), status, headers);
    } finally {
      // Also on a timeout or any other failure, or the in-flight slot would be lost for good.
      permit.release();
    }

    LOG.debug(
        "{} {} {} -> HTTP {} in {} ms",
        endpoint.operationId,
        request.method(),
        logTarget(request.url()),
        status,
        elapsedMillis(startNanos));
    RateLimitSnapshot rateLimit = recordRateLimit(endpoint, headers);
    listener.onCall(endpoint.operationId, status, Duration.ofNanos(System.nanoTime() - startNanos), rateLimit);

    if (status < 200 || status > 299) {
      throw errorMapper.toException(operation, status, body, rateLimitResetAt);
    }
    try {
      return reader.read(headers, body);
    } catch (IOException e) {
      // getOriginalMessage leaves out Jackson's location suffix, which adds nothing useful here.
      String reason = e instanceof JsonProcessingException parseFailure ? parseFailure.getOriginalMessage() : e.getMessage();
      throw new OktaTransportException(
          operation + " to " + hostAndPort() + " returned HTTP " + status + " with a body that is not what Okta documents: " + reason,
          e);
    }
  }

  private RateLimiter.Permit acquirePermit(Endpoint endpoint, Request request, String operation) {
    try {
      return rateLimiter.acquire(endpoint.rateLimitKey(), operation);
    } catch (OktaRateLimitException e) {
      LOG.debug(
          "{} {} {} not sent until {}: {}",
          endpoint.operationId,
          request.method(),
          logTarget(request.url()),
          e.resetAt(),
          e.error().errorSummary());
      throw e;
    }
  }

  private HttpUrl nextPageUrl(String operation, HttpUrl current, String link, Set<HttpUrl> visited) {
    HttpUrl next = current.resolve(link);
    if (next == null) {
      throw new OktaTransportException(operation + " returned a next link that is not a URL: " + link, null);
    }
    boolean sameOrigin =
        next.scheme().equals(baseUrl.scheme()) && next.host().equals(baseUrl.host()) && next.port() == baseUrl.port();
    if (!sameOrigin) {
      throw new OktaTransportException(
          operation + " returned a next link to " + next.scheme() + "://" + next.host() + ":" + next.port()
              + ", outside the org " + orgUrl() + "; not following it, because the request would carry the API token",
          null);
    }
    if (visited.contains(next)) {
      throw new OktaTransportException(
          operation + " returned a next link to a page already read (" + logTarget(next) + "); stopping to avoid a loop", null);
    }
    return next;
  }

  private RateLimitSnapshot recordRateLimit(Endpoint endpoint, Headers headers) {
    RateLimitSnapshot snapshot = RateLimitSnapshot.fromHeaders(endpoint.rateLimitKey(), headers).orElse(null);
    if (snapshot != null) {
      rateLimitsByEndpoint.put(snapshot.endpoint(), snapshot);
      lastRateLimit.set(snapshot);
    }
    return snapshot;
  }

  private OktaTransportException transportFailure(String operation, IOException e) {
    // SocketTimeoutException (connect, read, write) and OkHttp's call timeout are both
    // InterruptedIOException.
    if (e instanceof InterruptedIOException) {
      return new OktaTransportException(
          operation + " to " + hostAndPort() + " timed out (" + e.getMessage() + "); Okta may be slow or unreachable", e);
    }
    return new OktaTransportException(
        operation + " to " + hostAndPort() + " failed: " + e + "; check orgUrl and network access to Okta", e);
  }

  /** Okta operation id, method and path, such as {@code getUser GET /api/v1/users/00u1ab}. */
  private static String describe(Endpoint endpoint, Request request) {
    return endpoint.operationId + " " + request.method() + " " + request.url().encodedPath();
  }

  /**
   * Returns the path and query for a log line. None of the query parameters this client sends
   * (activate, sendEmail, search, limit and Okta's after cursor) is a secret.
   */
  private static String logTarget(HttpUrl url) {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  private String hostAndPort() {
    return baseUrl.host() + ":" + baseUrl.port();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String checkedToken(SecretValue apiToken) {
    if (apiToken == null) {
      throw new IllegalArgumentException("apiToken is missing; set it to the Okta API token");
    }
    if (apiToken.isBlank()) {
      throw new IllegalArgumentException("apiToken is blank; set it to the Okta API token");
    }
    String token = apiToken.reveal();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // The message names neither the token nor the character, because both are part of the secret.
        throw new IllegalArgumentException(
            "apiToken contains whitespace, a control character or a non-ASCII character; "
                + "remove it (a trailing newline in the Secret is a common cause)");
      }
    }
    return token;
  }

  private static Duration checkedTimeout(String name, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + timeout);
    }
    return timeout;
  }

  private static String implementationVersion() {
    String version = OktaClient.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Reads the body of a 2xx response. */
  @FunctionalInterface
  private interface ResponseReader<T> {
    T read(Headers headers, byte[] body) throws IOException;
  }

  private record Page(List<OktaAccount> users, Optional<String> next) {}

  /** The Okta operations this client calls, with the key under which their rate limits are kept. */
  private enum Endpoint {
    CREATE_USER("createUser", "POST /api/v1/users"),
    GET_USER("getUser", "GET /api/v1/users/{id}"),
    LIST_USERS("listUsers", "GET /api/v1/users"),
    UPDATE_USER("updateUser", "POST /api/v1/users/{id}"),
    ACTIVATE_USER("activateUser", "POST /api/v1/users/{id}/lifecycle/activate"),
    REACTIVATE_USER("reactivateUser", "POST /api/v1/users/{id}/lifecycle/reactivate"),
    DEACTIVATE_USER("deactivateUser", "POST /api/v1/users/{id}/lifecycle/deactivate"),
    SUSPEND_USER("suspendUser", "POST /api/v1/users/{id}/lifecycle/suspend"),
    UNSUSPEND_USER("unsuspendUser", "POST /api/v1/users/{id}/lifecycle/unsuspend"),
    UNLOCK_USER("unlockUser", "POST /api/v1/users/{id}/lifecycle/unlock"),
    DELETE_USER("deleteUser", "DELETE /api/v1/users/{id}"),
    LIST_ASSIGNED_ROLES("listAssignedRolesForUser", "GET /api/v1/users/{id}/roles"),
    EXPIRE_PASSWORD("expirePassword", "POST /api/v1/users/{id}/lifecycle/expire_password"),
    RESET_FACTORS("resetFactors", "POST /api/v1/users/{id}/lifecycle/reset_factors");

    /** Okta's operationId in its OpenAPI spec. */
    final String operationId;

    private final String methodAndPathTemplate;

    Endpoint(String operationId, String methodAndPathTemplate) {
      this.operationId = operationId;
      this.methodAndPathTemplate = methodAndPathTemplate;
    }

    String rateLimitKey() {
      return methodAndPathTemplate;
    }
  }

  /** Settings of an {@link OktaClient}. */
  public static final class Builder {

    private URI orgUrl;
    private SecretValue apiToken;
    private boolean allowInsecureLoopback;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private OktaCallListener listener = OktaCallListener.NONE;
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxConcurrentRequests = RateLimiter.DEFAULT_MAX_CONCURRENT_REQUESTS;
    private int rateLimitReserve = RateLimiter.DEFAULT_RESERVE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Okta org URL; must be https unless {@link #allowInsecureLoopback} is set and the host is loopback. */
    public Builder orgUrl(URI orgUrl) {
      this.orgUrl = orgUrl;
      return this;
    }

    /** API token sent as {@code Authorization: SSWS <token>}. */
    public Builder apiToken(SecretValue apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /**
     * Allows plain http, and only to a loopback address (127.0.0.0/8, {@code ::1} or {@code
     * localhost}) such as a local Okta simulator.
     */
    public Builder allowInsecureLoopback(boolean allow) {
      this.allowInsecureLoopback = allow;
      return this;
    }

    /** Maximum time to open the TCP connection to Okta; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Maximum time to wait for each read from the connection; default 30 s. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /** Maximum time to wait for each write to the connection; default 30 s. */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
      return this;
    }

    /**
     * Maximum time for a whole HTTP call, from connecting to reading the last byte of the body;
     * default 60 s. A paginated search applies it to each page.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
      return this;
    }

    /** Receives every request's operation, status, duration and rate-limit headers, for metrics. */
    public Builder listener(OktaCallListener listener) {
      this.listener = java.util.Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Maximum number of requests in flight to the org at once; default 35. A request beyond it is
     * rejected with a client-side {@link OktaRateLimitException} instead of waiting.
     *
     * <p>Okta's concurrency limit is org-wide: 75 on Workforce and Customer Identity plans and 35 on
     * the Integrator Free plan (developer.okta.com/docs/reference/rl2-concurrency, 2026). The
     * default is under half of 75, so other clients of the org keep room, and within 35.
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * Requests per rate-limit window and bucket that the client leaves unused; default 0. The
     * client stops sending to a bucket once Okta reports this many requests remaining or fewer.
     *
     * <p>The default spends the whole budget Okta grants. Okta already caps each API token at 50%
     * of a bucket by default, which keeps the rest for other tools. Set a reserve when other tools
     * share this token, or when the org raised the token's share.
     */
    public Builder rateLimitReserve(int rateLimitReserve) {
      this.rateLimitReserve = rateLimitReserve;
      return this;
    }

    /** Clock that rate-limit windows and backoffs are measured with; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = java.util.Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException when the URL is missing, not https (outside the loopback
     *     exception), or the token is missing or blank, or a timeout is not positive, or {@code
     *     maxConcurrentRequests} is below 1 or {@code rateLimitReserve} below 0
     */
    public OktaClient build() {
      return new OktaClient(this);
    }

    @Override
    public String toString() {
      // User info in the URL may hold a password; build() rejects it, and toString hides it.
      Object shownOrgUrl = orgUrl != null && orgUrl.getRawUserInfo() != null ? "[URL with user info]" : orgUrl;
      return "OktaClient.Builder{orgUrl="
          + shownOrgUrl
          + ", apiToken="
          + (apiToken == null ? "missing" : apiToken)
          + ", allowInsecureLoopback="
          + allowInsecureLoopback
          + ", connectTimeout="
          + connectTimeout
          + ", readTimeout="
          + readTimeout
          + ", writeTimeout="
          + writeTimeout
          + ", callTimeout="
          + callTimeout
          + ", maxConcurrentRequests="
          + maxConcurrentRequests
          + ", rateLimitReserve="
          + rateLimitReserve
          + "}";
    }
  }
}
