package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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

  /** Threads that serve requests; the operator calls from several reconcile threads at once. */
  private static final int SERVER_THREADS = 16;

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final String apiToken;
  private final UserStore store;
  private final RequestLog requestLog;
  private final OutOfBandChanges outOfBand;
  private final List<ResponseListener> responseListeners;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OktaSimulator(
      HttpServer server,
      ExecutorService executor,
      URI baseUrl,
      String apiToken,
      UserStore store,
      RequestLog requestLog,
      List<ResponseListener> responseListeners) {
    this.server = server;
    this.executor = executor;
    this.baseUrl = baseUrl;
    this.apiToken = apiToken;
    this.store = store;
    this.requestLog = requestLog;
    this.outOfBand = new OutOfBandChanges(store);
    this.responseListeners = responseListeners;
  }

  /**
   * Starts a simulator with an empty org.
   *
   * @throws UncheckedIOException if the address cannot be bound, for example because the port is in use
   */
  public static OktaSimulator start(SimulatorOptions options) {
    RandomIds ids = new RandomIds();
    String apiToken = options.apiToken() == null ? ids.nextApiToken() : options.apiToken();
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    UserStore store = new UserStore(options.clock(), ids, options.asyncTransitionDelay());
    RequestLog requestLog = new RequestLog();

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
    List<ResponseListener> responseListeners = new CopyOnWriteArrayList<>();

    UsersApi usersApi = new UsersApi(store, new UserJson(mapper, ids.nextSchemaId()), mapper);
    ApiHttpHandler handler =
        new ApiHttpHandler(
            usersApi,
            new RateLimiter(options.clock(), options.rateLimits()),
            new ApiTokenAuthenticator(List.of(apiToken)),
            requestLog,
            ids,
            mapper,
            baseUrl.toString(),
            responseListeners);
    server.createContext("/", handler);
    ExecutorService executor = Executors.newFixedThreadPool(SERVER_THREADS, serverThreadFactory());
    server.setExecutor(executor);
    server.start();
    LOG.info("Okta simulator started on {}", baseUrl);
    return new OktaSimulator(server, executor, baseUrl, apiToken, store, requestLog, responseListeners);
  }

  /** Returns the URL that clients use as the Okta org URL, such as {@code http://127.0.0.1:43121}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the API token that requests must carry. */
  public String apiToken() {
    return apiToken;
  }

  /** Changes how long activations and deactivations started from now on take; zero means at once. */
  public void setAsyncTransitionDelay(Duration delay) {
    store.setAsyncTransitionDelay(SimulatorOptions.requireNonNegative(delay));
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

  /** Stops the server at once; requests in progress are cut off. Calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
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
