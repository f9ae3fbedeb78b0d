package io.oktaoperator.cli;

import io.oktaoperator.simulator.OktaSimulator;
import io.oktaoperator.simulator.RateLimitBucket;
import io.oktaoperator.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
      "Point an Okta client at the printed URL and send the token as 'Authorization: SSWS <token>'"
          + " or 'Bearer <token>'. Users live in memory and are lost when the simulator stops."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Stopped by Ctrl-C or SIGTERM.", "1:The address could not be bound.", "2:Invalid options."})
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
          "Requests per minute allowed in a rate-limit bucket, in place of Okta's Enterprise default;"
              + " repeatable. Buckets: USERS_COLLECTION (GET and POST /api/v1/users, default 600),"
              + " USER_WRITE (POST, PUT and DELETE /api/v1/users/{id}, default 600), USER_READ"
              + " (GET /api/v1/users/{id}, default 1000), OTHER_API (everything else, default 600).")
  Map<RateLimitBucket, Integer> rateLimits = Map.of();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    OktaSimulator simulator;
    try {
      simulator = start(out);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage() + ". Choose another --port or --bind address.");
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "okta-simulator-shutdown"));
    stopped.await();
    return 0;
  }

  /** Starts the simulator from the parsed options and prints its URL and, if generated, its token. */
  OktaSimulator start(PrintWriter out) {
    SimulatorOptions.Builder options =
        SimulatorOptions.builder().port(port).bindAddress(bindAddress).asyncTransitionDelay(asyncDelay);
    boolean generatedToken = apiToken == null || apiToken.isBlank();
    if (!generatedToken) {
      options.apiToken(apiToken);
    }
    rateLimits.forEach(options::rateLimit);
    OktaSimulator simulator = OktaSimulator.start(options.build());
    out.println("Okta simulator listening on " + simulator.baseUrl());
    if (generatedToken) {
      out.println("API token: " + simulator.apiToken());
    }
    out.flush();
    return simulator;
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
