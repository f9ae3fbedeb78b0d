package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory stand-in for Okta's Users API, served over HTTP with the JDK's HTTP server. Tests
 * start one per test class or per test; the {@code simulator} command runs one for local
 * development. Thread-safe.
 */
public final class OktaSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OktaSimulator.class);

  static {
    // The JDK's HTTP server writes response headers and body in separate TCP segments. With
    // Nagle's algorithm the body then waits for the client's delayed ACK, about 40 ms per request
    // on Linux. The server reads this property once, when its first instance in the JVM starts, so
    // it applies to every JDK HTTP server in the JVM unless already set.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final String apiToken;
  private final UserStore store;
  private final RequestLog requestLog;
  private final OutOfBandChanges outOfBand;
  private final Faults faults;
  private final ApiHttpHandler apiHandler;
  private final StopSignal stopSignal;
  private final List<ResponseListener> responseListeners;
  private final ObjectMapper mapper;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OktaSimulator(
      HttpServer server,
      ExecutorService executor,
      URI baseUrl,
      String apiToken,
      UserStore store,
      RequestLog requestLog,
      Faults faults,
      ApiHttpHandler apiHandler,
      StopSignal stopSignal,
      List<ResponseListener> responseListeners,
      ObjectMapper mapper) {
    this.server = server;
    this.executor = executor;
    this.baseUrl = baseUrl;
    this.apiToken = apiToken;
    this.store = store;
    this.requestLog = requestLog;
    this.outOfBand = new OutOfBandChanges(store);
    this.faults = faults;
    this.apiHandler = apiHandler;
    this.stopSignal = stopSignal;
    this.responseListeners = responseListeners;
    this.mapper = mapper;
  }

  /**
   * Starts a simulator with an empty org.
   *
   * @throws UncheckedIOException if the address cannot be bound, for example because the port is in use
   */
  public static OktaSimulator start(SimulatorOptions options) {
    RandomIds ids = new RandomIds();
    String apiToken = options.apiToken() == null ? ids.nextApiToken() : options.apiToken();
    List<ApiToken> tokens = new ArrayList<>();
    tokens.add(ApiToken.withAllScopes(apiToken));
    tokens.addAll(options.tokens());
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    UserStore store = new UserStore(options.clock(), ids, options.asyncTransitionDelay());
    store.setSearchIndexLag(options.searchIndexLag());
    RequestLog requestLog = new RequestLog();
    Map<RateLimitBucket, Integer> limits = new EnumMap<>(RateLimitBucket.class);
    for (RateLimitBucket bucket : RateLimitBucket.values()) {
      limits.put(bucket, options.rateLimit(bucket));
    }
    RateLimiter rateLimiter =
        new RateLimiter(options.clock(), limits, options.tokenSharePercent(), options.concurrencyLimit());
    long seed = options.faultSeed() == null ? new SecureRandom().nextLong() : options.faultSeed();
    Faults faults = new Faults(options.clock(), rateLimiter, seed);

    HttpServer server;
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port());
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on " + options.bindAddress() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    URI baseUrl = baseUrl(address.getAddress(), server.getAddress().getPort());
    StopSignal stopSignal = new StopSignal();
    List<ResponseListener> responseListeners = new CopyOnWriteArrayList<>();
    UsersApi usersApi = new UsersApi(store, new UserJson(mapper, ids.nextSchemaId()), mapper);
    ApiHttpHandler apiHandler =
        new ApiHttpHandler(
            usersApi,
            rateLimiter,
            new ApiTokenAuthenticator(tokens),
            requestLog,
            ids,
            mapper,
            baseUrl.toString(),
            faults,
            stopSignal,
            options.clock(),
            responseListeners);
    // Threads are created as needed, because each request held by a latency or timeout fault keeps
    // one, and a fixed pool would stop serving other requests while they wait.
    ExecutorService executor = Executors.newCachedThreadPool(serverThreadFactory());
    OktaSimulator simulator =
        new OktaSimulator(
            server, executor, baseUrl, apiToken, store, requestLog, faults, apiHandler, stopSignal,
            responseListeners, mapper);
    server.createContext("/", apiHandler);
    server.createContext(AdminHttpHandler.PREFIX + "/", new AdminHttpHandler(simulator, mapper));
    server.setExecutor(executor);
    server.start();
    LOG.info("Okta simulator started on {}", baseUrl);
    return simulator;
  }

  /** Returns the URL that clients use as the Okta org URL, such as {@code http://127.0.0.1:43121}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the token with every scope: the {@code apiToken} option, or the random one generated at start. */
  public String apiToken() {
    return apiToken;
  }

  /** Changes how long activations and deactivations started from now on take; zero means at once. */
  public void setAsyncTransitionDelay(Duration delay) {
    store.setAsyncTransitionDelay(SimulatorOptions.requireNonNegative(delay));
  }

  /** Changes how far {@code search} and {@code filter} results lag behind writes; zero turns the lag off. */
  public void setSearchIndexLag(Duration lag) {
    store.setSearchIndexLag(SimulatorOptions.requireNonNegative(lag));
  }

  /** Returns a snapshot of a user found by id or login, including a DEPROVISIONED one. */
  public Optional<SimulatedUser> findUser(String idOrLogin) {
    return store.find(idOrLogin);
  }

  /** Returns snapshots of all stored users, DEPROVISIONED ones included, in creation order. */
  public List<SimulatedUser> users() {
    return store.all();
  }

  /** Returns the requests received so far (at most {@value RequestLog#CAPACITY}, the latest), oldest first. */
  public List<RecordedRequest> requestLog() {
    return requestLog.snapshot();
  }

  public void clearRequestLog() {
    requestLog.clear();
  }

  /**
   * Registers a listener that receives every response from now on. Each call happens before the
   * response is sent, so by the time a client reads a response, every listener has received it.
   * A listener registered twice receives each response twice.
   */
  public void addResponseListener(ResponseListener listener) {
    responseListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener registered with {@link #addResponseListener}; does nothing if it is not registered. */
  public void removeResponseListener(ResponseListener listener) {
    responseListeners.remove(listener);
  }

  /** Returns the hooks for changes made outside the operator, such as an admin suspending a user. */
  public OutOfBandChanges outOfBand() {
    return outOfBand;
  }

  /**
   * Writes every user, with credentials, to a JSON file that {@link #importState(Path)} reads.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void exportState(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), store.exportState(mapper));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the simulator state to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns every user, with credentials, as the JSON that {@link #exportState(Path)} writes. */
  JsonNode stateSnapshot() {
    return store.exportState(mapper);
  }

  /**
   * Adds the users of a file written by {@link #exportState(Path)}.
   *
   * @return the number of users added
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the file is not a valid snapshot, or a user or login exists
   */
  public int importState(Path file) {
    try {
      return store.importState(mapper.readTree(file.toFile()), mapper);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the simulator state from " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the number of Users API requests being handled now, including those held by faults. */
  public int inFlightRequests() {
    return apiHandler.inFlightRequests();
  }

  /** Returns the faults injected into Users API requests, such as latency, 5xx responses or dropped connections. */
  public Faults faults() {
    return faults;
  }

  /**
   * Stops the server at once; requests in progress, including those held by faults, are cut off
   * without a response. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stopSignal.stop();
      server.stop(0);
      executor.shutdownNow();
      LOG.info("Okta simulator on {} stopped", baseUrl);
    }
  }

  private static URI baseUrl(InetAddress address, int port) {
    // A wildcard address accepts connections on every interface; the loopback one always works locally.
    InetAddress reachable = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    String host = reachable.getHostAddress();
    if (reachable instanceof Inet6Address) {
      int zone = host.indexOf('%');
      host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
    }
    return URI.create("http://" + host + ":" + port);
  }

  private static ThreadFactory serverThreadFactory() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "okta-simulator-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
