package io.oktaoperator.cli;

import ch.qos.logback.classic.Level;
import io.oktaoperator.api.v1alpha1.DeletionPolicy;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the operator on one machine against an embedded Kubernetes API and the Okta simulator. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Starts an embedded Kubernetes API, the Okta simulator and the operator on 127.0.0.1, applies the"
            + " example manifests, waits until each OktaUser is Ready, prints their status, then demonstrates a"
            + " profile update, a suspension and a deletion. Needs no cluster and no Okta org.")
final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--examples", defaultValue = "examples", description = "Folder of manifests to apply (default: ${DEFAULT-VALUE}).")
  Path examples;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long each step may take before the sandbox gives up, as a whole number with ms, s, m or h"
          + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--keep", description = "Keep running after the demonstration and print how to reach both APIs, until stopped.")
  boolean keep;

  @Option(names = "--verbose", description = "Show the operator's own log lines.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(examples)) {
      err.println("error: the examples folder " + examples.toAbsolutePath() + " does not exist: run from the repository root or pass --examples");
      return ExitCodes.USAGE;
    }
    // The sandbox prints its own account of what happens, so log lines below WARN would only repeat it.
    ch.qos.logback.classic.Logger operatorLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.oktaoperator");
    ch.qos.logback.classic.Logger rootLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level configuredLevel = operatorLogger.getLevel();
    Level configuredRootLevel = rootLogger.getLevel();
    if (!verbose) {
      operatorLogger.setLevel(Level.WARN);
      rootLogger.setLevel(Level.WARN);
    }

    out.println("Starting the Okta simulator, an embedded Kubernetes API and the operator on 127.0.0.1 ...");
    out.flush();
    try (Sandbox sandbox = Sandbox.start()) {
      List<OktaUser> users = sandbox.applyFolder(examples);
      out.printf("Applied %d OktaUser resource(s) from %s; waiting until each is Ready ...%n", users.size(), examples);
      out.flush();
      for (OktaUser user : users) {
        sandbox.awaitReady(user, u -> true, timeout);
      }
      out.println();
      out.println(StatusTable.render(users.stream().map(sandbox::get).toList()));
      out.println();
      demonstrate(sandbox, users, out);
      if (keep) {
        keepRunning(sandbox, out);
      }
      return ExitCodes.OK;
    } catch (Sandbox.NotConvergedException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILURE;
    } finally {
      operatorLogger.setLevel(configuredLevel);
      rootLogger.setLevel(configuredRootLevel);
      out.flush();
      err.flush();
    }
  }

  private void demonstrate(Sandbox sandbox, List<OktaUser> users, PrintWriter out) {
    Optional<OktaUser> active = users.stream().filter(u -> u.getSpec().getState() == UserState.ACTIVE).findFirst();
    if (active.isPresent()) {
      OktaUser user = sandbox.get(active.get());
      String before = Objects.toString(user.getSpec().getProfile().getTitle(), "(none)");
      String after = "Staff Engineer";
      sandbox.mergePatchSpec(user, "{\"profile\":{\"title\":\"" + after + "\"}}");
      OktaUser updated = sandbox.awaitReady(user, u -> true, timeout);
      Object inOkta = sandbox.simulator().findUser(updated.getStatus().getId()).map(s -> s.profile().get("title")).orElse(null);
      out.printf("Profile update: %s title '%s' -> '%s'; Okta now has title '%s' (lastUpdated %s)%n",
          name(user), before, after, inOkta, updated.getStatus().getLastUpdated());

      if ("ACTIVE".equals(updated.getStatus().getStatus())) {
        sandbox.mergePatchSpec(user, "{\"state\":\"Suspended\"}");
        OktaUser suspended = sandbox.awaitReady(user, u -> "SUSPENDED".equals(u.getStatus().getStatus()), timeout);
        out.printf("Suspension:     %s spec.state Suspended; Okta status is now %s (statusChanged %s)%n",
            name(user), suspended.getStatus().getStatus(), suspended.getStatus().getStatusChanged());
      } else {
        out.printf("Suspension:     skipped, because Okta suspends only ACTIVE users and %s is %s%n",
            name(user), updated.getStatus().getStatus());
      }
    } else {
      out.println("No OktaUser with state Active in the examples: skipping the profile update and the suspension.");
    }

    Optional<OktaUser> deletable = users.stream()
        .filter(u -> u.getSpec().getDeletionPolicy() == DeletionPolicy.DELETE && !u.equals(active.orElse(null)))
        .findFirst();
    if (deletable.isPresent()) {
      OktaUser user = sandbox.get(deletable.get());
      String id = user.getStatus().getId();
      sandbox.client().resource(user).delete();
      sandbox.awaitGone(user, timeout);
      boolean goneFromOkta = sandbox.simulator().findUser(id).isEmpty();
      out.printf("Deletion:       %s deleted (deletionPolicy Delete); Okta user %s %s%n",
          name(user), id, goneFromOkta ? "was deactivated, then deleted" : "still exists");
    } else {
      out.println("No other OktaUser with deletionPolicy Delete in the examples: skipping the deletion.");
    }
    out.println();
    out.println(StatusTable.render(users.stream().map(sandbox::get).filter(Objects::nonNull).toList()));
  }

  private static void keepRunning(Sandbox sandbox, PrintWriter out) throws InterruptedException {
    out.println();
    out.println("The sandbox keeps running. Press Ctrl-C to stop it.");
    out.println("  Kubernetes API:  " + sandbox.kubernetesUrl() + "  (plain http, no authentication; it stores objects but");
    out.println("                   lists no API resources, so use curl or kubectl get --raw, for example:");
    out.println("                   kubectl get --raw /apis/oktaoperator.io/v1alpha1/oktausers --server " + sandbox.kubernetesUrl() + ")");
    out.println("  Okta simulator:  " + sandbox.simulator().baseUrl());
    out.println("  Okta API token:  " + sandbox.simulator().apiToken() + "  (valid only for this simulator)");
    out.println("  Try: curl -H 'Authorization: SSWS " + sandbox.simulator().apiToken() + "' " + sandbox.simulator().baseUrl() + "/api/v1/users");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sandbox-shutdown"));
    stopped.await();
  }

  private static String name(OktaUser user) {
    return user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
  }
}
