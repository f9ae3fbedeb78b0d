package io.oktaoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The simulated Okta org's users: storage, the login index, and the state changes of every
 * operation. Thread-safe: each public method runs atomically under the store's lock.
 *
 * <p>Asynchronous activations and deactivations need no background thread. A pending transition
 * records when it falls due, and every method first completes the transitions that are due by the
 * injected clock.
 */
final class UserStore {

  private final Clock clock;
  private final RandomIds ids;
  private final String defaultTypeId;
  private volatile Duration asyncTransitionDelay;
  private volatile Duration searchIndexLag = Duration.ZERO;
  private final SearchIndex searchIndex = new SearchIndex();

  /** Users by id. Ids sort by creation, so iteration order is creation order. */
  private final NavigableMap<String, StoredUser> usersById = new TreeMap<>();

  private final Map<String, StoredUser> usersByLoginKey = new HashMap<>();
  private final PriorityQueue<PendingTransition> pendingTransitions =
      new PriorityQueue<>(Comparator.comparing(PendingTransition::dueAt));

  private record PendingTransition(Instant dueAt, StoredUser user) {}

  /**
   * Result of a lifecycle or credential operation.
   *
   * @param user the user after the operation
   * @param token the activation token, password reset token or temporary password that the
   *     operation issued, or null
   */
  record LifecycleResult(SimulatedUser user, String token) {}

  /**
   * Body of a credential operation; each field is null when the operation does not take it.
   *
   * @param password current password ({@code oldPassword} of change_password, {@code password} of
   *     change_recovery_question)
   * @param newPassword new password of change_password and forgot_password_recovery_question
   * @param recoveryQuestion new recovery question and answer of change_recovery_question
   * @param recoveryAnswer answer given to forgot_password_recovery_question
   * @param strict change_password's {@code strict}: reject a new password equal to the current one
   */
  record CredentialsChange(
      String password, String newPassword, RecoveryQuestion recoveryQuestion, String recoveryAnswer, boolean strict) {

    static final CredentialsChange NONE = new CredentialsChange(null, null, null, null, false);

    @Override
    public String toString() {
      return "CredentialsChange[strict=" + strict + "]";
    }
  }

  UserStore(Clock clock, RandomIds ids, Duration asyncTransitionDelay) {
    this.clock = clock;
    this.ids = ids;
    this.defaultTypeId = ids.nextUserTypeId();
    this.asyncTransitionDelay = asyncTransitionDelay;
  }

  void setAsyncTransitionDelay(Duration delay) {
    this.asyncTransitionDelay = delay;
  }

  /**
   * Creates a user and, with {@code activate}, starts its activation.
   *
   * @param expirePassword {@code nextLogin=changePassword}: the activation ends in PASSWORD_EXPIRED
   * @throws ApiErrorException 400 E0000001 for an invalid profile or password, or a taken login
   */
  synchronized SimulatedUser create(CreateUserRequest request, boolean activate, boolean expirePassword) {
    Instant now = now();
    completeDueTransitions(now);

    Map<String, Object> profile = withoutNullValues(request.profile());
    ProfileValidator.validateProfile(profile);
    PasswordInput password = request.password();
    if (password != null && password.value() != null) {
      ProfileValidator.validatePassword(password.value(), profile.get("login"));
    }
    String loginKey = LoginKey.of(profile.get("login").toString());
    if (usersByLoginKey.containsKey(loginKey)) {
      throw ApiErrors.loginAlreadyExists().toException();
    }

    StoredUser user = new StoredUser(ids.nextUserId(), now, UserStatus.STAGED);
    user.typeId = request.typeId() == null ? defaultTypeId : request.typeId();
    user.profile.putAll(profile);
    if (request.providerType() != null) {
      user.providerType = request.providerType();
      user.providerName = request.providerName() == null ? request.providerType() : request.providerName();
    }
    if (password != null) {
      user.setPassword(password, now);
    }
    if (request.recoveryQuestion() != null) {
      user.recoveryQuestion = request.recoveryQuestion().question();
      user.recoveryAnswer = request.recoveryQuestion().answer();
    }
    usersById.put(user.id, user);
    usersByLoginKey.put(loginKey, user);

    if (activate) {
      startActivation(user, now, expirePassword);
    }
    return user.snapshot();
  }

  /** Finds a user by id, by login (ignoring case and diacritics), or by an unambiguous short name. */
  synchronized Optional<SimulatedUser> find(String idOrLogin) {
    completeDueTransitions(now());
    return lookup(idOrLogin).map(StoredUser::snapshot);
  }

  void setSearchIndexLag(Duration lag) {
    this.searchIndexLag = lag;
  }

  /**
   * Returns the users that {@code search} and {@code filter} see, in creation order: every stored
   * user, or with a search index lag, each user as it was one lag ago.
   */
  synchronized List<SimulatedUser> searchable() {
    List<SimulatedUser> users = all();
    Duration lag = searchIndexLag;
    if (lag.isZero()) {
      return users;
    }
    users.forEach(searchIndex::observe);
    return searchIndex.asOf(now().minus(lag));
  }

  /** Returns every stored user as a {@link StateSnapshot}. */
  synchronized ObjectNode exportState(ObjectMapper mapper) {
    completeDueTransitions(now());
    return StateSnapshot.write(new ArrayList<>(usersById.values()), mapper);
  }

  /**
   * Adds the users of a {@link StateSnapshot} to the store.
   *
   * @throws IllegalArgumentException if the snapshot is invalid, or a user's id or login is taken;
   *     then no user is added
   */
  synchronized int importState(JsonNode snapshot, ObjectMapper mapper) {
    completeDueTransitions(now());
    List<StoredUser> users = StateSnapshot.read(snapshot, mapper);
    Map<String, StoredUser> byLoginKey = new HashMap<>();
    for (StoredUser user : users) {
      String loginKey = LoginKey.of(String.valueOf(user.profile.get("login")));
      if (usersById.containsKey(user.id) || usersByLoginKey.containsKey(loginKey) || byLoginKey.put(loginKey, user) != null) {
        throw new IllegalArgumentException("User " + user.id + " or its login " + user.profile.get("login") + " already exists");
      }
      if (user.typeId == null) {
        user.typeId = defaultTypeId;
      }
    }
    for (StoredUser user : users) {
      usersById.put(user.id, user);
      ids.advancePast(user.id);
    }
    usersByLoginKey.putAll(byLoginKey);
    return users.size();
  }

  /** Returns every stored user, DEPROVISIONED ones included, in creation order. */
  synchronized List<SimulatedUser> all() {
    completeDueTransitions(now());
    List<SimulatedUser> users = new ArrayList<>(usersById.size());
    usersById.values().forEach(user -> users.add(user.snapshot()));
    return users;
  }

  /**
   * Applies a partial update ({@code replace} false) or a full replace ({@code replace} true). A
   * partial update changes the sent profile attributes, and null values remove them. A replace
   * makes the sent profile the whole profile and may change the user type. Either way, a sent
   * password or recovery question replaces the stored one.
   *
   * <p>NOTE: Okta does not say whether a replace without {@code credentials} keeps the password.
   * This assumes it does, like a partial update.
   *
   * @throws ApiErrorException 404, 409 during activation, 403 for a DEPROVISIONED user, or 400
   */
  synchronized SimulatedUser update(String idOrLogin, UpdateUserRequest request, boolean replace) {
    Instant now = now();
    completeDueTransitions(now);
    StoredUser user = require(idOrLogin);
    checkNoTransitionRunning(user);
    // NOTE: Okta rejects updates of DEPROVISIONED users unless the org enables "Edit deactivated
    // user profiles"; the error code is undocumented, and this assumes E0000038.
    if (user.status == UserStatus.DEPROVISIONED) {
      throw ApiErrors.operationNotAllowedInStatus().toException();
    }
    if (!replace && request.typeId() != null && !request.typeId().equals(user.typeId)) {
      throw ApiErrors.validationFailed(
              "type", List.of("type: The user type can only be changed with a full update (PUT)"))
          .toException();
    }

    Map<String, Object> profile;
    if (replace) {
      profile = withoutNullValues(request.profileChanges() == null ? Map.of() : request.profileChanges());
      ProfileValidator.validateProfile(profile);
    } else {
      profile = new LinkedHashMap<>(user.profile);
      if (request.profileChanges() != null) {
        request.profileChanges().forEach((name, value) -> applyProfileChange(profile, name, value));
        ProfileValidator.validateProfile(profile);
      }
    }
    String oldLoginKey = LoginKey.of(String.valueOf(user.profile.get("login")));
    String newLoginKey = LoginKey.of(String.valueOf(profile.get("login")));
    if (!newLoginKey.equals(oldLoginKey) && usersByLoginKey.containsKey(newLoginKey)) {
      throw ApiErrors.loginAlreadyExists().toException();
    }
    PasswordInput password = request.password();
    if (password != null && password.value() != null) {
      ProfileValidator.validatePassword(password.value(), profile.get("login"));
    }
    if (password != null && password.imported() && user.status != UserStatus.STAGED) {
      throw ApiErrors.validationFailed(
              "password", List.of("password: A hashed password can only be set on a STAGED user"))
          .toException();
    }

    boolean typeChanged = replace && request.typeId() != null && !request.typeId().equals(user.typeId);
    boolean changed =
        !profile.equals(user.profile) || password != null || request.recoveryQuestion() != null || typeChanged;
    if (typeChanged) {
      user.typeId = request.typeId();
    }
    if (!newLoginKey.equals(oldLoginKey)) {
      usersByLoginKey.remove(oldLoginKey);
      usersByLoginKey.put(newLoginKey, user);
    }
    user.profile.clear();
    user.profile.putAll(profile);
    // NOTE: setting a password administratively keeps the status (a PROVISIONED or RECOVERY user
    // stays so); Okta does not document a status change for this update.
    if (password != null) {
      user.setPassword(password, now);
    }
    if (request.recoveryQuestion() != null) {
      user.recoveryQuestion = request.recoveryQuestion().question();
      user.recoveryAnswer = request.recoveryQuestion().answer();
    }
    // NOTE: an update that changes nothing keeps lastUpdated; whether Okta bumps it is undocumented.
    if (changed) {
      user.lastUpdated = now;
    }
    return user.snapshot();
  }

  /**
   * Runs an admin lifecycle or credential operation according to {@link LifecycleTable}.
   *
   * @param change the body of a credential operation, or {@link CredentialsChange#NONE}
   * @throws ApiErrorException 404, 409 during activation, the error the table gives, or the error
   *     of a wrong current password, recovery answer or rejected new password
   */
  synchronized LifecycleResult applyLifecycle(String idOrLogin, LifecycleOperation operation, CredentialsChange change) {
    Instant now = now();
    completeDueTransitions(now);
    StoredUser user = require(idOrLogin);
    checkNoTransitionRunning(user);
    LifecycleTable.Rule rule = LifecycleTable.ruleFor(user.status, operation);
    if (rule instanceof LifecycleTable.Reject reject) {
      throw reject.error().toException();
    }
    if (!meetsRequirement(user, LifecycleTable.requirementFor(operation))) {
      throw LifecycleTable.rejectionFor(operation).toException();
    }
    String token = CredentialOperations.apply(user, operation, change, ids, now);
    if (rule instanceof LifecycleTable.Activate) {
      startActivation(user, now, false);
    } else if (rule instanceof LifecycleTable.MoveTo move && move.asynchronous()) {
      startTransition(user, move.target(), move.target(), now);
    } else if (rule instanceof LifecycleTable.MoveTo move) {
      user.changeStatus(move.target(), now);
    }
    return new LifecycleResult(user.snapshot(), token);
  }

  /**
   * Checks that a user exists, as revoking its sessions needs; the simulator has no sessions.
   *
   * @throws ApiErrorException 404 if no such user exists
   */
  synchronized void revokeSessions(String idOrLogin) {
    completeDueTransitions(now());
    require(idOrLogin);
  }

  private static boolean meetsRequirement(StoredUser user, LifecycleTable.Requirement requirement) {
    switch (requirement) {
      case PASSWORD:
        return user.hasPassword;
      case PASSWORD_AND_RECOVERY_QUESTION:
        return user.hasPassword && user.recoveryQuestion != null;
      default:
        return true;
    }
  }

  /**
   * Deletes a user the way Okta does: a user that is not DEPROVISIONED is deactivated, and a
   * DEPROVISIONED user is removed for good.
   *
   * @return true if the user was removed, false if it was deactivated
   * @throws ApiErrorException 404, or 409 during activation
   */
  synchronized boolean delete(String idOrLogin) {
    Instant now = now();
    completeDueTransitions(now);
    StoredUser user = require(idOrLogin);
    checkNoTransitionRunning(user);
    if (user.status == UserStatus.DEPROVISIONED) {
      remove(user);
      return true;
    }
    startTransition(user, UserStatus.DEPROVISIONED, UserStatus.DEPROVISIONED, now);
    return false;
  }

  // Out-of-band changes: immediate, and they cancel any pending transition of the user.

  /**
   * Stores a user directly in the given status. Users seeded as STAGED or PROVISIONED have no
   * password; all others have one.
   *
   * @throws IllegalArgumentException if the login is missing or taken
   */
  synchronized SimulatedUser seed(Map<String, Object> profile, UserStatus status) {
    Instant now = now();
    completeDueTransitions(now);
    Map<String, Object> attributes = withoutNullValues(profile);
    Object login = attributes.get("login");
    if (login == null) {
      throw new IllegalArgumentException("A seeded user needs a profile.login");
    }
    String loginKey = LoginKey.of(login.toString());
    if (usersByLoginKey.containsKey(loginKey)) {
      throw new IllegalArgumentException("Login already taken: " + login);
    }
    StoredUser user = new StoredUser(ids.nextUserId(), now, status);
    user.typeId = defaultTypeId;
    user.profile.putAll(attributes);
    if (status != UserStatus.STAGED) {
      user.statusChanged = now;
    }
    if (status != UserStatus.STAGED && status != UserStatus.PROVISIONED) {
      user.activated = now;
      user.hasPassword = true;
      user.passwordChanged = now;
    }
    usersById.put(user.id, user);
    usersByLoginKey.put(loginKey, user);
    return user.snapshot();
  }

  /**
   * Applies a lifecycle operation synchronously, as another admin or a policy would.
   *
   * @throws NoSuchElementException if no such user exists
   * @throws IllegalStateException if Okta does not allow the operation in the user's status
   */
  synchronized SimulatedUser applyOutOfBand(String idOrLogin, LifecycleOperation operation) {
    Instant now = now();
    StoredUser user = requireOutOfBand(idOrLogin, now);
    LifecycleTable.Rule rule = LifecycleTable.ruleFor(user.status, operation);
    if (rule instanceof LifecycleTable.Reject reject) {
      throw new IllegalStateException(
          "Cannot " + operation.pathSegment() + " user " + user.id + " in status " + user.status + ": "
              + reject.error().errorCode());
    }
    UserStatus target;
    if (rule instanceof LifecycleTable.MoveTo move) {
      target = move.target();
    } else if (rule instanceof LifecycleTable.Activate) {
      target = user.canActivateWithoutWelcomeFlow() ? UserStatus.ACTIVE : UserStatus.PROVISIONED;
    } else {
      target = user.status;
    }
    user.changeStatus(target, now);
    return user.snapshot();
  }

  /**
   * Moves a user between two statuses outside the admin API, such as ACTIVE to LOCKED_OUT.
   *
   * @param setsPassword whether the end user sets a new password on the way, as in the welcome
   *     flow or a completed password reset
   */
  synchronized SimulatedUser changeStatusOutOfBand(
      String idOrLogin, UserStatus from, UserStatus to, boolean setsPassword) {
    Instant now = now();
    StoredUser user = requireOutOfBand(idOrLogin, now);
    if (user.status != from) {
      throw new IllegalStateException(
          "User " + user.id + " is " + user.status + ", expected " + from + " to move it to " + to);
    }
    user.changeStatus(to, now);
    if (setsPassword) {
      user.setPassword(new PasswordInput(null, false), now);
    }
    return user.snapshot();
  }

  /**
   * Assigns a standard admin role to a user.
   *
   * @throws IllegalArgumentException if the role type is unknown
   * @throws IllegalStateException if the user already has the role
   */
  synchronized AdminRoleAssignment assignAdminRoleOutOfBand(String idOrLogin, String roleType) {
    Instant now = now();
    AdminRoleType type =
        AdminRoleType.parse(roleType)
            .orElseThrow(() -> new IllegalArgumentException("Unknown Okta admin role type: " + roleType));
    StoredUser user = requireOutOfBand(idOrLogin, now);
    if (user.adminRoles.stream().anyMatch(role -> role.type().equals(type.name()))) {
      throw new IllegalStateException("User " + user.id + " already has the role " + type);
    }
    AdminRoleAssignment assignment =
        new AdminRoleAssignment(ids.nextRoleAssignmentId(), type.name(), type.label(), "ACTIVE", now, now);
    user.adminRoles.add(assignment);
    return assignment;
  }

  /**
   * Removes a role assignment, given by its id or its role type, from a user.
   *
   * @throws NoSuchElementException if the user has no such assignment
   */
  synchronized void removeAdminRoleOutOfBand(String idOrLogin, String assignmentIdOrType) {
    StoredUser user = requireOutOfBand(idOrLogin, now());
    boolean removed =
        user.adminRoles.removeIf(
            role -> role.id().equals(assignmentIdOrType) || role.type().equalsIgnoreCase(assignmentIdOrType));
    if (!removed) {
      throw new NoSuchElementException("User " + user.id + " has no role assignment " + assignmentIdOrType);
    }
  }

  /**
   * Returns the admin roles of a user.
   *
   * @throws ApiErrorException 404 if no such user exists
   */
  synchronized List<AdminRoleAssignment> adminRoles(String idOrLogin) {
    completeDueTransitions(now());
    return List.copyOf(require(idOrLogin).adminRoles);
  }

  /** Sets or, with a null value, removes a profile attribute without validation except login uniqueness. */
  synchronized SimulatedUser setProfileAttributeOutOfBand(String idOrLogin, String name, Object value) {
    Instant now = now();
    StoredUser user = requireOutOfBand(idOrLogin, now);
    if ("login".equals(name)) {
      Objects.requireNonNull(value, "login cannot be removed");
      String oldKey = LoginKey.of(String.valueOf(user.profile.get("login")));
      String newKey = LoginKey.of(value.toString());
      StoredUser holder = usersByLoginKey.get(newKey);
      if (holder != null && holder != user) {
        throw new IllegalArgumentException("Login already taken: " + value);
      }
      usersByLoginKey.remove(oldKey);
      usersByLoginKey.put(newKey, user);
    }
    applyProfileChange(user.profile, name, value);
    user.lastUpdated = now;
    return user.snapshot();
  }

  /** Removes a user permanently, whatever its status. */
  synchronized void removeOutOfBand(String idOrLogin) {
    remove(requireOutOfBand(idOrLogin, now()));
  }

  private StoredUser requireOutOfBand(String idOrLogin, Instant now) {
    completeDueTransitions(now);
    StoredUser user =
        lookup(idOrLogin).orElseThrow(() -> new NoSuchElementException("No user with id or login " + idOrLogin));
    user.cancelTransition();
    return user;
  }

  private void startActivation(StoredUser user, Instant now, boolean expirePassword) {
    UserStatus result;
    if (!user.canActivateWithoutWelcomeFlow()) {
      result = UserStatus.PROVISIONED;
    } else if (expirePassword) {
      result = UserStatus.PASSWORD_EXPIRED;
    } else {
      result = UserStatus.ACTIVE;
    }
    // NOTE: Okta documents transitioningToStatus ACTIVE during activation; for an activation that
    // ends in PROVISIONED this shows PROVISIONED, the other value the spec's enum allows.
    UserStatus shownAs = result == UserStatus.PASSWORD_EXPIRED ? UserStatus.ACTIVE : result;
    startTransition(user, shownAs, result, now);
  }

  private void startTransition(StoredUser user, UserStatus shownAs, UserStatus result, Instant now) {
    if (user.beginTransition(shownAs, result, now, asyncTransitionDelay)) {
      pendingTransitions.add(new PendingTransition(user.transitionDueAt, user));
    }
  }

  private void completeDueTransitions(Instant now) {
    while (!pendingTransitions.isEmpty() && !pendingTransitions.peek().dueAt().isAfter(now)) {
      PendingTransition pending = pendingTransitions.poll();
      // Entries of cancelled or replaced transitions stay in the queue; skip them.
      if (pending.dueAt().equals(pending.user().transitionDueAt)) {
        pending.user().completeTransitionIfDue(now);
      }
    }
  }

  /**
   * Rejects writes while an asynchronous transition runs: E0000112 during activation.
   *
   * <p>NOTE: Okta documents no error for a write during deactivation; this assumes E0000038.
   */
  private static void checkNoTransitionRunning(StoredUser user) {
    if (user.isActivating()) {
      throw ApiErrors.stillActivating().toException();
    }
    if (user.isDeactivating()) {
      throw ApiErrors.operationNotAllowedInStatus().toException();
    }
  }

  private StoredUser require(String idOrLogin) {
    return lookup(idOrLogin).orElseThrow(() -> ApiErrors.userNotFound(idOrLogin).toException());
  }

  private Optional<StoredUser> lookup(String idOrLogin) {
    StoredUser byId = usersById.get(idOrLogin);
    if (byId != null) {
      return Optional.of(byId);
    }
    StoredUser byLogin = usersByLoginKey.get(LoginKey.of(idOrLogin));
    if (byLogin != null) {
      return Optional.of(byLogin);
    }
    if (idOrLogin.indexOf('@') >= 0) {
      return Optional.empty();
    }
    // A short name (the login's part before @) identifies a user only when exactly one matches.
    String shortNameKey = LoginKey.of(idOrLogin);
    List<StoredUser> matches =
        usersById.values().stream()
            .filter(user -> LoginKey.ofShortName(String.valueOf(user.profile.get("login"))).equals(shortNameKey))
            .limit(2)
            .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private void remove(StoredUser user) {
    searchIndex.removed(user.id, now());
    user.cancelTransition();
    usersById.remove(user.id);
    usersByLoginKey.remove(LoginKey.of(String.valueOf(user.profile.get("login"))));
  }

  private static void applyProfileChange(Map<String, Object> profile, String name, Object value) {
    if (value == null) {
      profile.remove(name);
    } else {
      profile.put(name, value);
    }
  }

  private static Map<String, Object> withoutNullValues(Map<String, Object> profile) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    profile.forEach(
        (name, value) -> {
          if (value != null) {
            attributes.put(name, value);
          }
        });
    return attributes;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
