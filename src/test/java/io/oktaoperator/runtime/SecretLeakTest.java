package io.oktaoperator.runtime;

import static io.oktaoperator.runtime.OperatorTestEnvironment.NAMESPACE;
import static io.oktaoperator.runtime.OperatorTestEnvironment.TIMEOUT;
import static io.oktaoperator.runtime.OperatorTestEnvironment.userWithPassword;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.RecoveryQuestion;
import io.oktaoperator.api.v1alpha1.SecretKeyReference;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.reconciler.Conditions;
import io.oktaoperator.reconciler.ReconcilerSettings;
import io.oktaoperator.simulator.FaultAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator's scenarios with recognisable secret values and checks that none of them shows up
 * in a log line, an Event, a status field, a condition message or an exception message.
 */
class SecretLeakTest {

  static final String PASSWORD = "Pw-LEAKCHECK-7xQ";
  static final String NEW_PASSWORD = "Pw-LEAKCHECK-8yR";
  static final String ANSWER = "answer-LEAKCHECK-blue";
  static final String WRONG_TOKEN = "token-LEAKCHECK-wrong";
  static final List<String> SECRETS = List.of(PASSWORD, NEW_PASSWORD, ANSWER, WRONG_TOKEN, OperatorTestEnvironment.TOKEN);

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root;
  Logger operatorLogger;
  Level operatorLevel;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    operatorLogger = (Logger) LoggerFactory.getLogger("io.oktaoperator");
    operatorLevel = operatorLogger.getLevel();
    // DEBUG includes the Okta client's line for every request.
    operatorLogger.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
    operatorLogger.setLevel(operatorLevel);
  }

  @Test
  void secretsNeverAppearInLogsEventsStatusOrErrors() {
    List<String> observed = new ArrayList<>();
    try (OperatorTestEnvironment env = OperatorTestEnvironment.start()) {
      env.client().secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
          .withMetadata(new ObjectMetaBuilder().withName("leo-credentials").withNamespace(NAMESPACE).build())
          .withData(Map.of(
              "password", base64(PASSWORD),
              "answer", base64(ANSWER)))
          .build()).create();
      OktaUser leo = userWithPassword("leo", "leo@example.com", UserState.ACTIVE, "leo-credentials");
      RecoveryQuestion question = new RecoveryQuestion();
      question.setQuestion("Favourite colour?");
      question.setAnswerSecretRef(new SecretKeyReference("leo-credentials", "answer"));
      leo.getSpec().getCredentials().setRecoveryQuestion(question);
      // The first create fails on Okta's side after the password was sent, as a 500 would.
      env.simulator.faults().onNextRequest("POST", "/api/v1/users", FaultAction.internalServerError());
      env.create(leo);
      env.awaitOktaStatus("leo", "ACTIVE");

      env.createPasswordSecret("leo-credentials", NEW_PASSWORD);
      env.editSpec("leo", spec -> spec.getProfile().setTitle("Rotated"));
      await().atMost(TIMEOUT).until(() -> env.events("leo").stream().anyMatch(e -> "PasswordSet".equals(e.getReason())));

      OktaUser weak = userWithPassword("wes", "wes@example.com", UserState.ACTIVE, "wes-credentials");
      env.createPasswordSecret("wes-credentials", "Pw-LEAKCHECK");
      env.create(weak);
      env.awaitCondition("wes", Conditions.STALLED, "True");

      collectCluster(env, observed);
    }

    ReconcilerSettings slow = OperatorTestEnvironment.FAST;
    try (OperatorTestEnvironment wrong = OperatorTestEnvironment.start(slow, WRONG_TOKEN)) {
      wrong.create(OperatorTestEnvironment.user("tom", "tom@example.com", UserState.STAGED));
      wrong.awaitCondition("tom", Conditions.STALLED, "True");
      observed.add(wrong.okta.toString());
      collectCluster(wrong, observed);
    }

    for (ILoggingEvent event : logs.list) {
      observed.add(event.getFormattedMessage());
      observed.add(String.valueOf(event.getMDCPropertyMap()));
      for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
        observed.add(proxy.getClassName() + ": " + proxy.getMessage());
      }
    }
    assertTrue(logs.list.size() > 20, "too few log lines captured to prove anything: " + logs.list.size());
    for (String text : observed) {
      for (String secret : SECRETS) {
        assertTrue(text == null || !text.contains(secret), "a secret leaked into: " + redact(text));
      }
    }
  }

  static void collectCluster(OperatorTestEnvironment env, List<String> observed) {
    env.client().v1().events().inNamespace(NAMESPACE).list().getItems()
        .forEach(event -> observed.add(event.getReason() + ": " + event.getMessage()));
    env.client().resources(OktaUser.class).inNamespace(NAMESPACE).list().getItems()
        .forEach(user -> observed.add(Serialization.asJson(user.getStatus())));
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  static String redact(String text) {
    String redacted = text;
    for (String secret : SECRETS) {
      redacted = redacted.replace(secret, "<" + secret.length() + " secret characters>");
    }
    return redacted;
  }
}
