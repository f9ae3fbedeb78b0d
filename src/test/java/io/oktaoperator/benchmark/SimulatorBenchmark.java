package io.oktaoperator.benchmark;

import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.RateLimitBucket;
import io.oktaoperator.simulator.SimulatorOptions;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for the simulator's {@code GET /api/v1/users/{id}}: starts a simulator on
 * 127.0.0.1 with 10,000 stored users, then has concurrent clients fetch random users by id for a
 * fixed time and reports throughput and latency percentiles. Not a unit test: run it with {@code
 * bench/run-simulator-benchmark.sh}, which also writes the report file.
 *
 * <p>Arguments, all optional: {@code --users N} (10000), {@code --clients N} (8), {@code --warmup
 * SECONDS} (10), {@code --duration SECONDS} (20), {@code --report PATH} (no file).
 */
public final class SimulatorBenchmark {

  /** Requests per second that the simulator should sustain on a 2-core machine. */
  static final double TARGET_THROUGHPUT = 5_000;

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parseOptions(args);
    int userCount = Integer.parseInt(options.getOrDefault("users", "10000"));
    int clientCount = Integer.parseInt(options.getOrDefault("clients", "8"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));

    // The limit is raised so that rate limiting (429 responses) does not shape the measurement.
    SimulatorOptions simulatorOptions =
        SimulatorOptions.builder()
            .port(0)
            .apiToken("benchmark-token")
            .asyncTransitionDelay(Duration.ZERO)
            .rateLimit(RateLimitBucket.USER_READ, Integer.MAX_VALUE)
            .build();
    try (OktaSimulator simulator = OktaSimulator.start(simulatorOptions)) {
      String[] ids = seedUsers(simulator, userCount);
      ExecutorService clients = Executors.newFixedThreadPool(clientCount);
      try {
        runPhase(simulator, clients, clientCount, ids, warmup);
        Result result = runPhase(simulator, clients, clientCount, ids, duration);
        String report = report(result, userCount, clientCount, warmup, duration);
        System.out.print(report);
        if (options.containsKey("report")) {
          Path path = Path.of(options.get("report"));
          Files.createDirectories(path.toAbsolutePath().getParent());
          Files.writeString(path, report);
        }
        if (result.errors() > 0) {
          System.exit(1);
        }
      } finally {
        clients.shutdownNow();
      }
    }
  }

  private static String[] seedUsers(OktaSimulator simulator, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      String login = "user" + i + "@example.com";
      Map<String, Object> profile = new LinkedHashMap<>();
      profile.put("login", login);
      profile.put("email", login);
      profile.put("firstName", "User");
      profile.put("lastName", "Number" + i);
      ids[i] = simulator.outOfBand().createUser(profile, "ACTIVE").id();
    }
    return ids;
  }

  /**
   * Throughput and latency of one phase.
   *
   * @param requests successful requests (status 200)
   * @param errors requests that failed or got another status
   * @param seconds measured wall-clock time
   * @param latenciesNanos latency of each successful request, sorted
   * @param cpuSeconds CPU time this JVM (simulator and clients together) used during the phase
   */
  private record Result(long requests, long errors, double seconds, long[] latenciesNanos, double cpuSeconds) {

    double throughput() {
      return requests / seconds;
    }

    double percentileMillis(double percentile) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(percentile / 100 * latenciesNanos.length) - 1);
      return latenciesNanos[Math.max(index, 0)] / 1e6;
    }
  }

  private static Result runPhase(
      OktaSimulator simulator, ExecutorService clients, int clientCount, String[] ids, Duration duration)
      throws Exception {
    long deadline = System.nanoTime() + duration.toNanos();
    URI base = simulator.baseUrl();
    String authorization = "SSWS " + simulator.apiToken();
    List<Future<ClientResult>> futures = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    for (int i = 0; i < clientCount; i++) {
      futures.add(clients.submit(() -> runClient(base, authorization, ids, deadline)));
    }
    long requests = 0;
    long errors = 0;
    List<long[]> latencies = new ArrayList<>();
    for (Future<ClientResult> future : futures) {
      ClientResult client = future.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
      requests += client.requests();
      errors += client.errors();
      latencies.add(Arrays.copyOf(client.latenciesNanos(), (int) client.requests()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(requests, errors, seconds, all, cpuSeconds);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private record ClientResult(long requests, long errors, long[] latenciesNanos) {}

  /**
   * Sends requests one after another over one keep-alive connection until the deadline. The client
   * writes HTTP/1.1 by hand and reads the status line, the headers and a {@code Content-Length}
   * body, which costs far less CPU than a general HTTP client and so leaves the shared cores to
   * the simulator.
   */
  private static ClientResult runClient(URI base, String authorization, String[] ids, long deadline) {
    long requests = 0;
    long errors = 0;
    long[] latencies = new long[1 << 16];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String headers =
        " HTTP/1.1\r\nHost: "
            + base.getAuthority()
            + "\r\nAccept: application/json\r\nAuthorization: "
            + authorization
            + "\r\n\r\n";
    Socket socket = null;
    DataInputStream in = null;
    try {
      while (System.nanoTime() < deadline) {
        if (socket == null) {
          socket = new Socket(base.getHost(), base.getPort());
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(10_000);
          in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        }
        byte[] request =
            ("GET /api/v1/users/" + ids[random.nextInt(ids.length)] + headers).getBytes(StandardCharsets.US_ASCII);
        long sent = System.nanoTime();
        int status;
        try {
          OutputStream out = socket.getOutputStream();
          out.write(request);
          out.flush();
          status = readResponse(in);
        } catch (IOException e) {
          errors++;
          closeQuietly(socket);
          socket = null;
          continue;
        }
        if (status != 200) {
          errors++;
          continue;
        }
        if (requests == latencies.length) {
          latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[(int) requests] = System.nanoTime() - sent;
        requests++;
      }
    } catch (IOException e) {
      errors++;
    } finally {
      closeQuietly(socket);
    }
    return new ClientResult(requests, errors, latencies);
  }

  /** Reads one response and returns its status; the body is read by its {@code Content-Length} and dropped. */
  private static int readResponse(DataInputStream in) throws IOException {
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    int contentLength = 0;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
        contentLength = Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    in.skipNBytes(contentLength);
    return status;
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed in the middle of a response");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // The connection is abandoned either way.
    }
  }

  private static String report(Result result, int userCount, int clientCount, Duration warmup, Duration duration) {
    StringBuilder report = new StringBuilder();
    report.append("# Simulator benchmark: GET /api/v1/users/{id}\n\n");
    report.append("| measure | value |\n|---|---|\n");
    row(report, "date (UTC)", Instant.now().toString());
    row(report, "stored users", Integer.toString(userCount));
    row(report, "concurrent clients", clientCount + " threads, one keep-alive HTTP/1.1 connection each");
    row(report, "warm-up / measured", warmup.toSeconds() + " s / " + duration.toSeconds() + " s");
    row(report, "successful requests", Long.toString(result.requests()));
    row(report, "failed requests", Long.toString(result.errors()));
    row(report, "throughput", String.format(Locale.ROOT, "%.0f requests/s", result.throughput()));
    row(report, "latency p50 / p99 / max", String.format(
        Locale.ROOT,
        "%.2f / %.2f / %.2f ms",
        result.percentileMillis(50),
        result.percentileMillis(99),
        result.percentileMillis(100)));
    double cpuMicrosPerRequest = result.cpuSeconds() * 1e6 / result.requests();
    int processors = Runtime.getRuntime().availableProcessors();
    row(report, "JVM CPU time per request (simulator and clients)", String.format(
        Locale.ROOT, "%.0f µs; %.1f of %d cores busy", cpuMicrosPerRequest, result.cpuSeconds() / result.seconds(), processors));
    row(report, "throughput if this JVM had every core (estimate)", String.format(
        Locale.ROOT, "%.0f requests/s", processors * 1e6 / cpuMicrosPerRequest));
    row(report, "target", String.format(Locale.ROOT, "%.0f requests/s: %s", TARGET_THROUGHPUT,
        result.throughput() >= TARGET_THROUGHPUT ? "met" : "NOT met"));
    row(report, "processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    row(report, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    row(report, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return report.toString();
  }

  private static void row(StringBuilder report, String name, String value) {
    report.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static Map<String, String> parseOptions(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "Invalid argument " + args[i] + "; expected --users, --clients, --warmup, --duration or --report with a value");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
