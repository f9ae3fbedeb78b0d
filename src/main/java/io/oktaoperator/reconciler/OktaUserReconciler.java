package io.oktaoperator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.oktaoperator.api.v1alpha1.CreateIntent;
import io.oktaoperator.api.v1alpha1.OktaUser;
import io.oktaoperator.api.v1alpha1.OktaUserStatus;
import io.oktaoperator.okta.OktaAccount;
import io.oktaoperator.okta.OktaClient;
import io.oktaoperator.okta.OktaException;
import io.oktaoperator.reconciler.StatusFactory.Bookkeeping;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles OktaUser resources with Okta: validates the spec, lets {@link UserSync} read, decide and
 * act, and reports the result as status and conditions. The finalizer runs {@link UserDeletion}.
 */
@ControllerConfiguration(name = "oktauser")
public final class OktaUserReconciler implements Reconciler<OktaUser>, Cleaner<OktaUser> {

  private static final Logger log = LoggerFactory.getLogger(OktaUserReconciler.class);

  /** Annotation that switches off every Okta write for one resource while its value is "true". */
  public static final String PAUSED_ANNOTATION = OktaUser.GROUP + "/paused";

  private final OktaClient okta;
  private final UserSync sync;
  private final UserDeletion deletion;
  private final EventRecorder events;
  private final StatusFactory statusFactory;
  private final ReconcilerSettings settings;
  private final Clock clock;

  public OktaUserReconciler(
      OktaClient okta, SecretReader secrets, EventRecorder events, ReconcilerSettings settings, Clock clock) {
    this.okta = okta;
    this.sync = new UserSync(okta, secrets, events, settings, clock);
    this.deletion = new UserDeletion(okta, events, settings);
    this.events = events;
    this.statusFactory = new StatusFactory(clock);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public UpdateControl<OktaUser> reconcile(OktaUser resource, Context<OktaUser> context) {
    OktaUserStatus previous = statusOf(resource);
    try {
      if (isRejectedForThisGeneration(resource, previous)) {
        log.debug("Okta rejected generation {}; waiting for a spec change", generation(resource));
        return UpdateControl.noUpdate();
      }
      SyncResult result;
      try {
        if (isPaused(resource)) {
          result = observeOnly(previous);
        } else {
          Optional<OktaUser> owner = DuplicateGuard.otherOwner(resource, context.getPrimaryCache());
          if (owner.isPresent()) {
            return reportDuplicate(resource, context, previous, owner.get());
          }
          DesiredUser desired = DesiredUser.from(resource.getSpec());
          result = sync.sync(resource, previous, desired, intent -> recordIntent(resource, context, previous, intent));
        }
      } catch (DesiredUser.InvalidSpecException e) {
        result = stalledWithoutOkta(previous, Reasons.INVALID_SPEC, e.getMessage());
      } catch (SecretReader.MissingSecretException e) {
        // A Secret created later does not change the OktaUser, so check again after a while.
        result = new SyncResult(
            null, Bookkeeping.of(previous), new Outcome.Stalled(Reasons.SECRET_NOT_FOUND, e.getMessage()), settings.transitionPollInterval());
      } catch (OktaException e) {
        OktaFailures.Handling handling = OktaFailures.classify(e, "reconciling", settings, clock);
        if (handling.retryWithBackoff()) {
          throw e;
        }
        log.warn("{}", handling.outcome().message());
        result = new SyncResult(null, Bookkeeping.of(previous), handling.outcome(), handling.requeueAfter());
      }
      return report(resource, context, previous, result);
    } finally {
      MDC.remove(UserSync.MDC_OKTA_USER_ID);
    }
  }

  @Override
  public List<EventSource<?, OktaUser>> prepareEventSources(EventSourceContext<OktaUser> context) {
    context.getPrimaryCache().addIndexer(DuplicateGuard.LOGIN_INDEX, DuplicateGuard::loginKeys);
    context.getPrimaryCache().addIndexer(SecretReferences.SECRET_INDEX, SecretReferences::referencedSecrets);
    // Watching Secrets in the watched namespaces applies a new password, or a Secret created after
    // its OktaUser, at once rather than at the next resync.
    InformerEventSourceConfiguration<Secret> secrets =
        InformerEventSourceConfiguration.from(Secret.class, OktaUser.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(secret -> SecretReferences.referencingUsers(secret, context.getPrimaryCache()))
            .build();
    return List.of(new InformerEventSource<>(secrets, context));
  }

  /**
   * Decides which changes of an OktaUser start a reconcile: a new generation (a spec change), a
   * change of the paused annotation or of the finalizers (the framework reconciles after adding its
   * finalizer), or the start of its deletion. Status writes, including the operator's own, do not.
   */
  public static boolean isRelevantUpdate(OktaUser updated, OktaUser old) {
    boolean newGeneration = !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration());
    boolean pauseChanged = isPaused(updated) != isPaused(old);
    boolean finalizersChanged = !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers());
    boolean deletionStarted = updated.getMetadata().getDeletionTimestamp() != null && old.getMetadata().getDeletionTimestamp() == null;
    return newGeneration || pauseChanged || finalizersChanged || deletionStarted;
  }

  static boolean isPaused(OktaUser resource) {
    var annotations = resource.getMetadata().getAnnotations();
    return annotations != null && "true".equalsIgnoreCase(annotations.get(PAUSED_ANNOTATION));
  }

  /** Reads the user while paused, so the status stays current, and makes no Okta write. */
  private SyncResult observeOnly(OktaUserStatus previous) {
    OktaAccount account = previous.getId() == null ? null : okta.findUser(previous.getId()).orElse(null);
    Outcome paused = new Outcome.Paused(
        "Reconciliation is paused by the annotation " + PAUSED_ANNOTATION + "=true: the operator reads Okta but"
            + " changes nothing there. Remove the annotation to resume.");
    return new SyncResult(account, Bookkeeping.of(previous), paused, settings.resyncInterval());
  }

  /** Stalls a resource whose login another resource owns, and clears any Okta id so that deleting it never changes Okta. */
  private UpdateControl<OktaUser> reportDuplicate(
      OktaUser resource, Context<OktaUser> context, OktaUserStatus previous, OktaUser owner) {
    String ownerName = owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName();
    Outcome outcome = new Outcome.Stalled(
        Reasons.DUPLICATE_LOGIN,
        "OktaUser " + ownerName + " already manages login " + resource.getSpec().getProfile().getLogin()
            + ". Delete this resource or change its spec.profile.login; deleting it leaves the Okta user alone.");
    OktaUserStatus next = statusFactory.build(previous, null, new Bookkeeping(List.of(), null), outcome, generation(resource));
    announceStall(resource, previous, outcome);
    if (!next.equals(previous)) {
      writeStatus(resource, context, next);
    }
    return UpdateControl.<OktaUser>noUpdate().rescheduleAfter(settings.resyncInterval());
  }

  /** Persists the create intent, keeping everything else of the status as it was. */
  private void recordIntent(OktaUser resource, Context<OktaUser> context, OktaUserStatus previous, CreateIntent intent) {
    OktaUserStatus next = copy(previous);
    next.setCreateIntent(intent);
    writeStatus(resource, context, next);
    previous.setCreateIntent(intent);
  }

  @Override
  public ErrorStatusUpdateControl<OktaUser> updateErrorStatus(OktaUser resource, Context<OktaUser> context, Exception e) {
    OktaUserStatus previous = statusOf(resource);
    Outcome outcome = e instanceof OktaException okta
        ? OktaFailures.classify(okta, "reconciling", settings, clock).outcome()
        : new Outcome.Progressing(Reasons.OKTA_UNAVAILABLE, "Reconcile failed, retrying with backoff: " + e.getMessage());
    log.warn("{}", outcome.message());
    OktaUserStatus next = keepObservation(previous, outcome, generation(resource));
    if (!next.equals(previous)) {
      try {
        writeStatus(resource, context, next);
      } catch (RuntimeException statusFailure) {
        log.warn("Could not write the status after a failed reconcile: {}", statusFailure.getMessage());
      }
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  @Override
  public DeleteControl cleanup(OktaUser resource, Context<OktaUser> context) {
    OktaUserStatus previous = statusOf(resource);
    if (isPaused(resource)) {
      if (previous.getId() != null) {
        log.info("Left Okta user {} untouched: reconciliation is paused", previous.getId());
        events.normal(resource, Reasons.ORPHANED,
            "Left Okta user " + previous.getId() + " untouched because reconciliation is paused");
      }
      return DeleteControl.defaultDelete();
    }
    try {
      UserDeletion.Step step = deletion.delete(resource);
      if (step.done()) {
        return DeleteControl.defaultDelete();
      }
      writeStatusDuringDeletion(resource, context, previous, step.outcome());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(step.requeueAfter());
    } catch (OktaException e) {
      OktaFailures.Handling handling = OktaFailures.classify(e, "deleting the Okta user", settings, clock);
      log.warn("{}", handling.outcome().message());
      writeStatusDuringDeletion(resource, context, previous, handling.outcome());
      if (handling.retryWithBackoff()) {
        throw e;
      }
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(
          Objects.requireNonNullElse(handling.requeueAfter(), settings.transitionPollInterval()));
    } finally {
      MDC.remove(UserSync.MDC_OKTA_USER_ID);
    }
  }

  private UpdateControl<OktaUser> report(
      OktaUser resource, Context<OktaUser> context, OktaUserStatus previous, SyncResult result) {
    OktaUserStatus next = result.account() == null && previous.getId() != null && !(result.outcome() instanceof Outcome.Ready)
        ? keepObservation(previous, result.outcome(), generation(resource))
        : statusFactory.build(previous, result.account(), result.bookkeeping(), result.outcome(), generation(resource));
    announceStall(resource, previous, result.outcome());

    if (!next.equals(previous)) {
      writeStatus(resource, context, next);
    }
    UpdateControl<OktaUser> control = UpdateControl.noUpdate();
    if (result.requeueAfter() != null) {
      control.rescheduleAfter(result.requeueAfter());
    }
    return control;
  }

  /** Keeps what was last observed in Okta and only replaces the conditions. */
  private OktaUserStatus keepObservation(OktaUserStatus previous, Outcome outcome, long generation) {
    OktaUserStatus next = copy(previous);
    next.setObservedGeneration(generation);
    next.setConditions(Conditions.from(outcome, previous.getConditions(), generation, clock));
    return next;
  }

  private void writeStatusDuringDeletion(OktaUser resource, Context<OktaUser> context, OktaUserStatus previous, Outcome outcome) {
    OktaUserStatus next = keepObservation(previous, outcome, generation(resource));
    if (next.equals(previous)) {
      return;
    }
    try {
      writeStatus(resource, context, next);
    } catch (RuntimeException e) {
      log.warn("Could not write the status during deletion: {}", e.getMessage());
    }
  }

  /**
   * Replaces the status with optimistic locking and puts the result in the framework's cache, so the
   * next reconcile reads it even before the watch delivers it. On a conflict JOSDK re-reads the
   * resource and writes the same status again.
   */
  private static void writeStatus(OktaUser resource, Context<OktaUser> context, OktaUserStatus next) {
    OktaUser written = PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
      fresh.setStatus(next);
      return fresh;
    });
    // A second write in the same reconcile must lock on the version just written.
    resource.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
  }

  /** Records a Warning Event when the resource becomes Stalled, or stalls for a new reason. */
  private void announceStall(OktaUser resource, OktaUserStatus previous, Outcome outcome) {
    if (!(outcome instanceof Outcome.Stalled stalled)) {
      return;
    }
    var before = Conditions.find(previous.getConditions(), Conditions.STALLED);
    boolean alreadyAnnounced = before != null && "True".equals(before.getStatus())
        && stalled.reason().equals(before.getReason()) && stalled.message().equals(before.getMessage());
    if (!alreadyAnnounced) {
      log.warn("Stalled ({}): {}", stalled.reason(), stalled.message());
      events.warning(resource, stalled.reason(), stalled.message());
    }
  }

  /** True when Okta rejected this very generation's content, so repeating the same write cannot succeed. */
  private static boolean isRejectedForThisGeneration(OktaUser resource, OktaUserStatus previous) {
    var stalled = Conditions.find(previous.getConditions(), Conditions.STALLED);
    return stalled != null && "True".equals(stalled.getStatus()) && Reasons.OKTA_REJECTED.equals(stalled.getReason())
        && Objects.equals(stalled.getObservedGeneration(), generation(resource));
  }

  private static SyncResult stalledWithoutOkta(OktaUserStatus previous, String reason, String message) {
    return new SyncResult(null, Bookkeeping.of(previous), new Outcome.Stalled(reason, message), null);
  }

  private static OktaUserStatus statusOf(OktaUser resource) {
    return resource.getStatus() == null ? new OktaUserStatus() : copy(resource.getStatus());
  }

  private static OktaUserStatus copy(OktaUserStatus status) {
    OktaUserStatus copy = new OktaUserStatus();
    copy.setId(status.getId());
    copy.setStatus(status.getStatus());
    copy.setTransitioningToStatus(status.getTransitioningToStatus());
    copy.setCreated(status.getCreated());
    copy.setActivated(status.getActivated());
    copy.setStatusChanged(status.getStatusChanged());
    copy.setLastLogin(status.getLastLogin());
    copy.setLastUpdated(status.getLastUpdated());
    copy.setPasswordChanged(status.getPasswordChanged());
    copy.setObservedGeneration(status.getObservedGeneration());
    copy.setConditions(status.getConditions() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(status.getConditions()));
    copy.setManagedAttributes(status.getManagedAttributes() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(status.getManagedAttributes()));
    copy.setPasswordSecretVersion(status.getPasswordSecretVersion());
    copy.setCreateIntent(status.getCreateIntent());
    copy.setHandledActions(status.getHandledActions() == null ? null : new java.util.TreeMap<>(status.getHandledActions()));
    return copy;
  }

  private static long generation(OktaUser resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }

  static Duration orZero(Duration duration) {
    return duration == null ? Duration.ZERO : duration;
  }
}
