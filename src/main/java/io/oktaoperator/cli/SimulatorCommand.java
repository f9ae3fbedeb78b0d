package io.oktaoperator.cli;

import io.oktaoperator.simulator.ApiToken;
import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.RateLimitBucket;
import io.oktaoperator.simulator.RateLimitProfile;
import io.oktaoperator.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Okta Users API simulator until it is stopped with Ctrl-C or SIGTERM.",
      "Point an Okta client at the printed URL and send the token as 'Authorization: SSWS <token>',"
          + " 'Bearer <token>' or 'DPoP <token>'. Users live in memory; --state-file keeps them across"
          + " restarts. The admin API under /__simulator injects faults and makes out-of-band changes;"
          + " see docs/simulator.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "130:Stopped by Ctrl-C (SIGINT); 143 when stopped by SIGTERM. The JVM reports the signal.",
      "1:The address could not be bound, or the state file could not be read or written.",
      "2:Invalid options, seed file or state file."
    })
final class SimulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8181",
      paramLabel = "PORT",
      description = "TCP port to listen on; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE}, reachable only from this machine. Use 0.0.0.0"
              + " to accept connections from other machines, such as from containers.")
  String bindAddress;

  @Option(
      names = "--api-token",
      defaultValue = "${env:OKTA_SIMULATOR_API_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "API token that clients must send. Default: the OKTA_SIMULATOR_API_TOKEN environment variable;"
              + " if neither is set, a random token is generated and printed at start.")
  String apiToken;

  @Option(
      names = "--token",
      paramLabel = "TOKEN[=SCOPES]",
      description =
          "Another token that clients may send, with its OAuth scopes as a comma-separated list"
              + " (okta.users.read, okta.users.manage, okta.roles.read, okta.roles.manage); without =SCOPES"
              + " it gets every scope. Requests without the scope they need get 403 E0000006. Repeatable,"
              + " such as --token reader=okta.users.read.")
  List<String> tokens = new ArrayList<>();

  @Option(
      names = "--async-delay",
      defaultValue = "0",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Time that activations and deactivations take, during which users show transitioningToStatus:"
              + " a number with the unit ms, s or m (such as 500ms, 2s or 1m), or an ISO-8601 duration"
              + " (PT2S). Default: 0, the status changes at once.")
  Duration asyncDelay;

  @Option(
      names = "--rate-limit",
      paramLabel = "BUCKET=LIMIT",
      description =
          "Requests per minute allowed in a rate-limit bucket, in place of the plan's default; each"
              + " token may use its --token-share of it. Repeatable. Buckets, with the enterprise"
              + " defaults: USERS_COLLECTION (GET and POST /api/v1/users, 600), USER_WRITE (POST, PUT and"
              + " DELETE /api/v1/users/{id}, 600), USER_READ (GET /api/v1/users/{id}, 1000), OTHER_API"
              + " (everything else, 600).")
  Map<RateLimitBucket, Integer> rateLimits = Map.of();

  @Option(
      names = "--rate-limit-profile",
      defaultValue = "enterprise",
      paramLabel = "PLAN",
      description =
          "Okta plan whose default per-minute and concurrency limits apply: enterprise, one-app,"
              + " workforce-identity or integrator-free. Default: ${DEFAULT-VALUE}.")
  String rateLimitProfile;

  @Option(
      names = "--token-share",
      defaultValue = "50",
      paramLabel = "PERCENT",
      description =
          "Share of each bucket's per-minute limit that one token may use, from 1 to 100 percent."
              + " Default: ${DEFAULT-VALUE}, Okta's default for an API token or OAuth app.")
  int tokenSharePercent;

  @Option(
      names = "--concurrency-limit",
      paramLabel = "REQUESTS",
      description =
          "Maximum number of requests in flight at once; more get 429 with X-Rate-Limit-Limit: 0."
              + " Default: the plan's, 75 for enterprise.")
  Integer concurrencyLimit;

  @Option(
      names = "--seed-users",
      paramLabel = "FILE",
      description =
          "JSON file of users to create at start: an array of objects such as {\"profile\": {...},"
              + " \"status\": \"ACTIVE\", \"adminRoles\": [\"SUPER_ADMIN\"]}. Users seeded as STAGED or"
              + " PROVISIONED have no password; all others have one.")
  Path seedUsers;

  @Option(
      names = "--state-file",
      paramLabel = "FILE",
      description =
          "JSON file that keeps the users across restarts: loaded at start if it exists, and written"
              + " when the simulator stops. It contains the simulated users' passwords and recovery"
              + " answers.")
  Path stateFile;

  @Option(
      names = "--search-index-lag",
      defaultValue = "0",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How far search and filter results lag behind writes, like Okta's eventually consistent"
              + " search index, with the unit ms, s or m. Default: 0, no lag.")
  Duration searchIndexLag;

  @Option(
      names = "--latency",
      defaultValue = "0",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Delay added to every Users API request, with the unit ms, s or m. Default: 0.")
  Duration latency;

  @Option(
      names = "--latency-jitter",
      defaultValue = "0",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Random extra delay per request, between 0 and this duration, with the unit ms, s or m."
              + " Default: 0.")
  Duration latencyJitter;

  @Option(
      names = "--server-error-rate",
      defaultValue = "0",
      paramLabel = "FRACTION",
      description =
          "Fraction of requests, from 0 to 1, that get 500 E0000009 or 503 E0000010 and change"
              + " nothing. Default: 0.")
  double serverErrorRate;

  @Option(
      names = "--timeout-rate",
      defaultValue = "0",
      paramLabel = "FRACTION",
      description =
          "Fraction of requests, from 0 to 1, held for --timeout-hold before they are handled, so"
              + " clients time out. Default: 0.")
  double timeoutRate;

  @Option(
      names = "--timeout-hold",
      defaultValue = "30s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long --timeout-rate holds a request, with the unit ms, s or m. Default: ${DEFAULT-VALUE}.")
  Duration timeoutHold;

  @Option(
      names = "--fault-seed",
      paramLabel = "NUMBER",
      description =
          "Seed of the random generator behind jitter, server errors and timeouts, so that runs with the"
              + " same requests get the same faults. Default: random.")
  Long faultSeed;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    OktaSimulator simulator;
    try {
      simulator = start(out);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage() + ". Choose another --port or --bind address,"
          + " or check the --state-file path.");
      return 1;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("Invalid option or file: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(simulator);
                  stopped.countDown();
                },
                "okta-simulator-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Starts the simulator from the parsed options, loads the state file and the seed users, sets
   * the faults, and prints its URL and, if generated, its token.
   *
   * @throws IllegalArgumentException for an invalid option value, seed file or state file
   * @throws java.io.UncheckedIOException if the address cannot be bound or a file cannot be read
   */
  OktaSimulator start(PrintWriter out) {
    SimulatorOptions.Builder options =
        SimulatorOptions.builder()
            .port(port)
            .bindAddress(bindAddress)
            .asyncTransitionDelay(asyncDelay)
            .rateLimitProfile(RateLimitProfile.parse(rateLimitProfile))
            .tokenSharePercent(tokenSharePercent)
            .searchIndexLag(searchIndexLag);
    boolean generatedToken = apiToken == null || apiToken.isBlank();
    if (!generatedToken) {
      options.apiToken(apiToken);
    }
    tokens.forEach(token -> options.token(parseToken(token)));
    rateLimits.forEach(options::rateLimit);
    if (concurrencyLimit != null) {
      options.concurrencyLimit(concurrencyLimit);
    }
    if (faultSeed != null) {
      options.faultSeed(faultSeed);
    }
    // Checked before the server starts, so an invalid value does not leave a port bound.
    requireFraction("--server-error-rate", serverErrorRate);
    requireFraction("--timeout-rate", timeoutRate);

    OktaSimulator simulator = OktaSimulator.start(options.build());
    try {
      loadUsers(simulator, out);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    simulator.faults().latency(latency, latencyJitter).serverErrors(serverErrorRate).timeouts(timeoutRate, timeoutHold);
    out.println("Okta simulator listening on " + simulator.baseUrl());
    if (generatedToken) {
      out.println("API token: " + simulator.apiToken());
    }
    out.flush();
    return simulator;
  }

  /** Stops the simulator and writes the state file, if one was given. */
  void stop(OktaSimulator simulator) {
    simulator.close();
    if (stateFile != null) {
      try {
        simulator.exportState(stateFile);
      } catch (UncheckedIOException e) {
        spec.commandLine().getErr().println(e.getMessage());
      }
    }
  }

  private void loadUsers(OktaSimulator simulator, PrintWriter out) {
    if (stateFile != null && Files.exists(stateFile)) {
      int restored = simulator.importState(stateFile);
      out.println("Restored " + restored + " users from " + stateFile);
    }
    if (seedUsers != null) {
      int seeded = SeedUsers.load(seedUsers, simulator.outOfBand());
      out.println("Seeded " + seeded + " users from " + seedUsers);
    }
  }

  private static void requireFraction(String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
    }
  }

  /** Parses {@code TOKEN} (every scope) or {@code TOKEN=SCOPE,SCOPE}. */
  static ApiToken parseToken(String option) {
    int equals = option.indexOf('=');
    if (equals < 0) {
      return ApiToken.withAllScopes(option);
    }
    String[] scopes = option.substring(equals + 1).split(",");
    for (int i = 0; i < scopes.length; i++) {
      scopes[i] = scopes[i].trim();
      if (!ApiToken.ALL_SCOPES.contains(scopes[i])) {
        throw new IllegalArgumentException(
            "Unknown scope '" + scopes[i] + "' in --token; use " + String.join(", ", ApiToken.ALL_SCOPES.stream().sorted().toList()));
      }
    }
    return ApiToken.withScopes(option.substring(0, equals), scopes);
  }

  /** Parses durations such as {@code 500ms}, {@code 2s}, {@code 1m}, {@code 0} or {@code PT2S}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      Matcher matcher = SHORT_FORM.matcher(text);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        if (unit == null && amount != 0) {
          throw new CommandLine.TypeConversionException(
              "Missing unit in '" + value + "'; write it as, for example, 500ms, 2s or 1m");
        }
        if (unit == null || unit.equals("ms")) {
          return Duration.ofMillis(amount);
        }
        return unit.equals("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
      }
      try {
        Duration duration = Duration.parse(value.trim());
        if (duration.isNegative()) {
          throw new CommandLine.TypeConversionException("Negative duration '" + value + "'");
        }
        return duration;
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "Invalid duration '" + value + "'; write it as, for example, 500ms, 2s, 1m or PT2S");
      }
    }
  }
}
