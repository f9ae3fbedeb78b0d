package io.oktaoperator.reconciler;

import io.oktaoperator.api.v1alpha1.CreateIntent;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserStatus;
import io.oktaoperator.api.v1alpha1.UserActions;
import io.oktaoperator.api.v1alpha1.UserState;
import io.oktaoperator.okta.NewUser;
import io.oktaoperator.okta.OktaAccount;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.OktaStatus;
import io.oktaoperator.okta.OktaValidationException;
import io.oktaoperator.okta.SecretValue;
import io.oktaoperator.reconciler.StatusFactory.Bookkeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Brings one Okta user in line with a valid spec: reads it, creates or adopts it when the resource
 * has no user yet, applies profile and password changes, and runs at most one lifecycle step per pass.
 */
final class UserSync {

  static final String MDC_OKTA_USER_ID = "okta.userId";
  /** Tolerated difference between the operator's clock and Okta's when matching a create intent. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(UserSync.class);

  private final OktaClient okta;
  private final SecretReader secrets;
  private final EventRecorder events;
  private final ReconcilerSettings settings;
  private final Clock clock;

  UserSync(OktaClient okta, SecretReader secrets, EventRecorder events, ReconcilerSettings settings, Clock clock) {
    this.okta = okta;
    this.secrets = secrets;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Runs one pass.
   *
   * @param status the resource's status as last written, never null
   * @param intents persists the create intent before a create call
   */
  SyncResult sync(OktaUser resource, OktaUserStatus status, DesiredUser desired, IntentRecorder intents) {
    Bookkeeping bookkeeping = Bookkeeping.of(status);

    if (status.getId() != null) {
      Optional<OktaAccount> found = okta.findUser(status.getId());
      if (found.isEmpty()) {
        return create(resource, desired, bookkeeping, status.getId(), intents);
      }
      MDC.put(MDC_OKTA_USER_ID, found.get().id());
      return update(resource, desired, found.get(), bookkeeping, false);
    }

    // Okta reads by login are strongly consistent, unlike search, so this finds a user created a
    // moment ago too.
    Optional<OktaAccount> sameLogin = okta.findUser(desired.login());
    if (sameLogin.isEmpty()) {
      return create(resource, desired, bookkeeping, null, intents);
    }
    OktaAccount existing = sameLogin.get();
    MDC.put(MDC_OKTA_USER_ID, existing.id());
    if (isCreatedByIntent(status.getCreateIntent(), existing)) {
      log.info("Found Okta user {}, created by this resource before its id was recorded", existing.id());
      events.normal(
          resource,
          Reasons.CREATE_RECOVERED,
          "Found Okta user " + existing.id() + ", created by an earlier create call whose result was not recorded");
      return update(resource, desired, existing, bookkeeping, false);
    }
    return adopt(resource, desired, existing, bookkeeping);
  }

  private SyncResult adopt(OktaUser resource, DesiredUser desired, OktaAccount existing, Bookkeeping bookkeeping) {
    String found = "An Okta user with login " + desired.login() + " already exists (id " + existing.id() + ", status "
        + existing.status() + ") and this resource did not create it.";
    if (!desired.adopt()) {
      return stalled(bookkeeping, Reasons.LOGIN_CONFLICT,
          found + " Set spec.adopt to true to manage that user, or change spec.profile.login.");
    }
    if (!settings.adoptionAllowed()) {
      return stalled(bookkeeping, Reasons.LOGIN_CONFLICT,
          found + " spec.adopt is true, but this operator forbids adoption (ADOPTION_ENABLED=false); ask its"
              + " administrators, or change spec.profile.login.");
    }
    Optional<SyncResult> refused = refuseAdministrator(existing, bookkeeping, "adopt");
    if (refused.isPresent()) {
      return refused.get();
    }
    log.info("Adopted Okta user {} (status {})", existing.id(), existing.status());
    events.normal(resource, Reasons.ADOPTED, "Adopted existing Okta user " + existing.id() + " (status " + existing.status() + ")");
    return update(resource, desired, existing, bookkeeping, true);
  }

  private SyncResult create(
      OktaUser resource, DesiredUser desired, Bookkeeping bookkeeping, String lostId, IntentRecorder intents) {
    if (desired.state() == UserState.DEPROVISIONED) {
      String message = "No Okta user exists, and spec.state Deprovisioned needs none.";
      return new SyncResult(null, bookkeeping.withManagedAttributes(List.of()), new Outcome.Ready(message), settings.resyncInterval());
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
    intents.record(new CreateIntent(desired.login(), clock.instant().toString()));
    OktaAccount account;
    try {
      NewUser user = new NewUser(desired.profile(), password, desired.recoveryQuestion(), answer);
      account = okta.createUser(user, activate, desired.changePasswordAtNextLogin());
    } catch (OktaValidationException e) {
      if (isLoginTaken(e)) {
        return stalled(bookkeeping, Reasons.LOGIN_CONFLICT,
            "Okta already has a user with login " + desired.login() + " and this resource did not create it."
                + " Set spec.adopt to true to manage that user, or change spec.profile.login.");
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
        bookkeeping.withManagedAttributes(ProfileDiff.compute(desired.profile(), account.profile(), List.of()).managedAttributes())
            .withPasswordSecretVersion(passwordVersion);
    SyncResult result = afterLifecyclePlan(resource, desired, account, created);
    if (!created.pendingActions(desired.actions()).isEmpty() && result.outcome() instanceof Outcome.Ready) {
      // Requested actions run on the next pass, against the user just created.
      return new SyncResult(account, created,
          new Outcome.Progressing(Reasons.TRANSITIONING, "Created Okta user " + account.id() + "; running the requested actions next"),
          Duration.ZERO);
    }
    return result;
  }

  /**
   * Applies profile, password and lifecycle changes to an existing user.
   *
   * @param administratorChecked true when the caller already checked that the user has no admin role
   */
  private SyncResult update(
      OktaUser resource, DesiredUser desired, OktaAccount account, Bookkeeping bookkeeping, boolean administratorChecked) {
    OktaStatus current = OktaStatus.parse(account.status());
    OktaStatus transitioning = OktaStatus.parse(account.transitioningToStatus());

    // Okta refuses profile and credential changes for DEPROVISIONED users and during a transition;
    // those wait until the lifecycle step has run.
    boolean editable = current != OktaStatus.DEPROVISIONED && transitioning == null;
    ProfileDiff diff = editable ? ProfileDiff.compute(desired.profile(), account.profile(), bookkeeping.managedAttributes()) : null;
    SecretReader.SecretKey password = editable && desired.hasPassword()
        ? secrets.read(resource.getMetadata().getNamespace(), desired.passwordRef(), "spec.credentials.passwordSecretRef")
        : null;
    boolean passwordChanged = password != null && !Objects.equals(password.resourceVersion(), bookkeeping.passwordSecretVersion());
    boolean lifecycleStep = LifecyclePlanner.plan(current, transitioning, desired.state()) instanceof LifecyclePlan.Transition;

    Map<String, String> pendingActions = editable ? bookkeeping.pendingActions(desired.actions()) : Map.of();
    boolean writes = (diff != null && !diff.isEmpty()) || passwordChanged || lifecycleStep || !pendingActions.isEmpty();
    if (writes && !administratorChecked) {
      Optional<SyncResult> refused = refuseAdministrator(account, bookkeeping, "change");
      if (refused.isPresent()) {
        return refused.get();
      }
    }

    if (diff != null) {
      if (!diff.isEmpty()) {
        account = okta.updateProfile(account.id(), diff.changes());
        log.info("Updated profile attributes {} of Okta user {}", diff.changedAttributeNames(), account.id());
        events.normal(resource, Reasons.PROFILE_UPDATED, "Updated profile attributes " + String.join(", ", diff.changedAttributeNames()));
      }
      bookkeeping = bookkeeping.withManagedAttributes(diff.managedAttributes());
    }
    if (passwordChanged) {
      okta.setPassword(account.id(), password.value());
      log.info("Set the password of Okta user {} from Secret {}", account.id(), desired.passwordRef().getName());
      events.normal(resource, Reasons.PASSWORD_SET, "Set the password from Secret " + desired.passwordRef().getName());
      bookkeeping = bookkeeping.withPasswordSecretVersion(password.resourceVersion());
    }
    for (Map.Entry<String, String> action : pendingActions.entrySet()) {
      account = runAction(resource, account, action.getKey());
      bookkeeping = bookkeeping.withHandledAction(action.getKey(), action.getValue());
    }
    return afterLifecyclePlan(resource, desired, account, bookkeeping);
  }

  /** Runs one requested action and returns the user as Okta has it afterwards, when known. */
  private OktaAccount runAction(OktaUser resource, OktaAccount account, String action) {
    String id = account.id();
    switch (action) {
      case UserActions.UNLOCK -> {
        if (OktaStatus.parse(account.status()) != OktaStatus.LOCKED_OUT) {
          events.normal(resource, Reasons.ACTION_SKIPPED,
              "Skipped actions.unlock: Okta user " + id + " is " + account.status() + ", not LOCKED_OUT");
          return account;
        }
        okta.unlock(id);
        log.info("Unlocked Okta user {}", id);
        events.normal(resource, Reasons.UNLOCKED, "Unlocked Okta user " + id + " as actions.unlock asked");
        return okta.findUser(id).orElse(account);
      }
      case UserActions.RESET_FACTORS -> {
        okta.resetFactors(id);
        log.info("Reset the MFA factors of Okta user {}", id);
        events.normal(resource, Reasons.FACTORS_RESET, "Reset the MFA factors of Okta user " + id + " as actions.resetFactors asked");
        return account;
      }
      case UserActions.EXPIRE_PASSWORD -> {
        OktaAccount expired = okta.expirePassword(id);
        log.info("Expired the password of Okta user {}", id);
        events.normal(resource, Reasons.PASSWORD_EXPIRED, "Expired the password of Okta user " + id + " as actions.expirePassword asked");
        return expired;
      }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }

  /** Returns a Stalled result when the user has an admin role and the operator may not change administrators. */
  private Optional<SyncResult> refuseAdministrator(OktaAccount account, Bookkeeping bookkeeping, String verb) {
    if (settings.adminUsersAllowed()) {
      return Optional.empty();
    }
    List<String> roles = okta.listAdminRoleTypes(account.id());
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(stalled(bookkeeping, Reasons.ADMIN_USER_PROTECTED,
        "Okta user " + account.id() + " holds admin roles " + roles + ", so the operator does not " + verb + " it."
            + " Remove the roles in Okta, or start the operator with ADMIN_USERS_ALLOWED=true to manage"
            + " administrators."));
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

  /**
   * True when the user was created by this resource's own create call, whose result the operator did
   * not get to record: the login matches the recorded intent and Okta created the user after it.
   */
  static boolean isCreatedByIntent(CreateIntent intent, OktaAccount existing) {
    if (intent == null || intent.getLogin() == null || intent.getRequestedAt() == null || existing.created() == null) {
      return false;
    }
    if (!LoginKey.same(intent.getLogin(), existing.login())) {
      return false;
    }
    try {
      Instant requestedAt = Instant.parse(intent.getRequestedAt());
      return !existing.created().isBefore(requestedAt.minus(CLOCK_SKEW));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Builds a Stalled result that is checked again at the next resync, in case Okta changed meanwhile. */
  private SyncResult stalled(Bookkeeping bookkeeping, String reason, String message) {
    return new SyncResult(null, bookkeeping, new Outcome.Stalled(reason, message), settings.resyncInterval());
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
