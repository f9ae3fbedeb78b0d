package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserStatus;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.okta.NewUser;
import io.oktaoperator.okta.OktaAccount;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.OktaStatus;
import io.oktaoperator.okta.OktaValidationException;
import io.oktaoperator.okta.SecretValue;
import io.oktaoperator.reconciler.StatusFactory.Bookkeeping;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Brings one Okta user in line with a valid spec: reads it, creates it when absent, applies profile
 * and password changes, and runs at most one lifecycle step per pass.
 */
final class UserSync {

  static final String MDC_OKTA_USER_ID = "okta.userId";
  private static final Logger log = LoggerFactory.getLogger(UserSync.class);

  private final OktaClient okta;
  private final SecretReader secrets;
  private final EventRecorder events;
  private final ReconcilerSettings settings;

  UserSync(OktaClient okta, SecretReader secrets, EventRecorder events, ReconcilerSettings settings) {
    this.okta = okta;
    this.secrets = secrets;
    this.events = events;
    this.settings = settings;
  }

  /**
   * Runs one pass.
   *
   * @param status the resource's status as last written, never null
   */
  SyncResult sync(OktaUser resource, OktaUserStatus status, DesiredUser desired) {
    Bookkeeping bookkeeping = Bookkeeping.of(status);

    if (status.getId() != null) {
      Optional<OktaAccount> found = okta.findUser(status.getId());
      if (found.isEmpty()) {
        return create(resource, desired, bookkeeping, status.getId());
      }
      MDC.put(MDC_OKTA_USER_ID, found.get().id());
      return update(resource, desired, found.get(), bookkeeping);
    }

    Optional<OktaAccount> sameLogin = okta.findUser(desired.login());
    if (sameLogin.isPresent()) {
      OktaAccount existing = sameLogin.get();
      return new SyncResult(
          null,
          bookkeeping,
          new Outcome.Stalled(
              Reasons.LOGIN_CONFLICT,
              "An Okta user with login " + desired.login() + " already exists (id " + existing.id() + ", status "
                  + existing.status() + ") and this resource did not create it. Change spec.profile.login, or"
                  + " remove the existing user from Okta."),
          null);
    }
    return create(resource, desired, bookkeeping, null);
  }

  private SyncResult create(OktaUser resource, DesiredUser desired, Bookkeeping bookkeeping, String lostId) {
    if (desired.state() == UserState.DEPROVISIONED) {
      String message = "No Okta user exists, and spec.state Deprovisioned needs none.";
      return new SyncResult(null, bookkeeping.withManagedAttributes(java.util.List.of()), new Outcome.Ready(message), settings.resyncInterval());
    }
    String namespace = resource.getMetadata().getNamespace();
    SecretValue password = null;
    String passwordVersion = null;
    if (desired.hasPassword()) {
      SecretReader.SecretKey key = secrets.read(namespace, desired.passwordRef(), "spec.credentials.passwordSecretRef");
      password = key.value();
      passwordVersion = key.resourceVersion();
    }
    SecretValue answer = null;
    if (desired.recoveryAnswerRef() != null) {
      answer = secrets.read(namespace, desired.recoveryAnswerRef(), "spec.credentials.recoveryQuestion.answerSecretRef").value();
    }

    // Okta e-mails an activation link when it activates a user without a password on create, so a
    // user who must not get that e-mail is created STAGED and activated with sendEmail=false next.
    boolean activate = desired.state() != UserState.STAGED && (password != null || desired.sendActivationEmail());
    OktaAccount account;
    try {
      account = okta.createUser(new NewUser(desired.profile(), password, desired.recoveryQuestion(), answer), activate);
    } catch (OktaValidationException e) {
      if (isLoginTaken(e)) {
        return new SyncResult(
            null,
            bookkeeping,
            new Outcome.Stalled(
                Reasons.LOGIN_CONFLICT,
                "Okta already has a user with login " + desired.login() + " and this resource did not create it."
                    + " Change spec.profile.login, or remove the existing user from Okta."),
            null);
      }
      throw e;
    }
    MDC.put(MDC_OKTA_USER_ID, account.id());
    log.info("Created Okta user {} with status {}", account.id(), account.status());
    if (lostId != null) {
      events.warning(
          resource,
          Reasons.RECREATED,
          "Okta user " + lostId + " was deleted outside the operator; created " + account.id() + " in its place");
    } else {
      events.normal(resource, Reasons.CREATED, "Created Okta user " + account.id() + " with status " + account.status());
    }

    Bookkeeping created =
        bookkeeping.withManagedAttributes(ProfileDiff.compute(desired.profile(), account.profile(), java.util.List.of()).managedAttributes())
            .withPasswordSecretVersion(passwordVersion);
    return afterLifecyclePlan(resource, desired, account, created);
  }

  private SyncResult update(OktaUser resource, DesiredUser desired, OktaAccount account, Bookkeeping bookkeeping) {
    OktaStatus current = OktaStatus.parse(account.status());
    OktaStatus transitioning = OktaStatus.parse(account.transitioningToStatus());

    // Okta refuses profile and credential changes for DEPROVISIONED users and during a transition;
    // those wait until the lifecycle step has run.
    if (current != OktaStatus.DEPROVISIONED && transitioning == null) {
      ProfileDiff diff = ProfileDiff.compute(desired.profile(), account.profile(), bookkeeping.managedAttributes());
      if (!diff.isEmpty()) {
        account = okta.updateProfile(account.id(), diff.changes());
        log.info("Updated profile attributes {} of Okta user {}", diff.changedAttributeNames(), account.id());
        events.normal(resource, Reasons.PROFILE_UPDATED, "Updated profile attributes " + String.join(", ", diff.changedAttributeNames()));
      }
      bookkeeping = bookkeeping.withManagedAttributes(diff.managedAttributes());
      bookkeeping = applyPassword(resource, desired, account, bookkeeping);
    }
    return afterLifecyclePlan(resource, desired, account, bookkeeping);
  }

  private Bookkeeping applyPassword(OktaUser resource, DesiredUser desired, OktaAccount account, Bookkeeping bookkeeping) {
    if (!desired.hasPassword()) {
      return bookkeeping;
    }
    SecretReader.SecretKey key =
        secrets.read(resource.getMetadata().getNamespace(), desired.passwordRef(), "spec.credentials.passwordSecretRef");
    if (key.resourceVersion() != null && key.resourceVersion().equals(bookkeeping.passwordSecretVersion())) {
      return bookkeeping;
    }
    okta.setPassword(account.id(), key.value());
    log.info("Set the password of Okta user {} from Secret {}", account.id(), desired.passwordRef().getName());
    events.normal(resource, Reasons.PASSWORD_SET, "Set the password from Secret " + desired.passwordRef().getName());
    return bookkeeping.withPasswordSecretVersion(key.resourceVersion());
  }

  private SyncResult afterLifecyclePlan(OktaUser resource, DesiredUser desired, OktaAccount account, Bookkeeping bookkeeping) {
    LifecyclePlan plan =
        LifecyclePlanner.plan(OktaStatus.parse(account.status()), OktaStatus.parse(account.transitioningToStatus()), desired.state());
    if (plan instanceof LifecyclePlan.InSync inSync) {
      String message = "Okta user " + account.id() + " is " + account.status() + " and matches the spec.";
      if (inSync.note() != null) {
        message += " " + inSync.note();
      }
      return new SyncResult(account, bookkeeping, new Outcome.Ready(message), settings.resyncInterval());
    }
    if (plan instanceof LifecyclePlan.AwaitTransition awaiting) {
      return new SyncResult(
          account,
          bookkeeping,
          new Outcome.Progressing(
              Reasons.AWAITING_TRANSITION, "Waiting for Okta to finish moving the user to " + awaiting.target()),
          settings.transitionPollInterval());
    }
    if (plan instanceof LifecyclePlan.NotAllowed notAllowed) {
      return new SyncResult(
          account, bookkeeping, new Outcome.Stalled(notAllowed.reason(), notAllowed.message()), settings.resyncInterval());
    }
    LifecycleStep step = ((LifecyclePlan.Transition) plan).step();
    runStep(resource, desired, account, step);
    return new SyncResult(
        account,
        bookkeeping,
        new Outcome.Progressing(
            Reasons.TRANSITIONING,
            "Asked Okta to " + step.operation() + " the user (was " + account.status() + ") to reach spec.state "
                + desired.state().manifestValue()),
        Duration.ZERO);
  }

  private void runStep(OktaUser resource, DesiredUser desired, OktaAccount account, LifecycleStep step) {
    String id = account.id();
    switch (step) {
      case ACTIVATE -> okta.activate(id, desired.sendActivationEmail());
      case UNSUSPEND -> okta.unsuspend(id);
      case SUSPEND -> okta.suspend(id);
      case DEACTIVATE -> okta.deactivate(id);
    }
    log.info("Ran lifecycle operation {} on Okta user {} (status was {})", step.operation(), id, account.status());
    events.normal(
        resource,
        stepReason(step),
        "Ran Okta lifecycle operation " + step.operation() + " on user " + id + " (status was " + account.status() + ")");
  }

  private static String stepReason(LifecycleStep step) {
    String name = step.operation();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT) + "d";
  }

  private static boolean isLoginTaken(OktaValidationException e) {
    return "E0000001".equals(e.errorCode())
        && e.error().errorCauses().stream().anyMatch(c -> c.startsWith("login:") && c.contains("already exists"));
  }
}
