package io.oktaoperator.reconciler;

/** The fixed list of CamelCase condition and Event reasons. */
public final class Reasons {

  // Ready
  public static final String RECONCILED = "Reconciled";

  // Progressing
  public static final String TRANSITIONING = "Transitioning";
  public static final String AWAITING_TRANSITION = "AwaitingOktaTransition";
  public static final String ACTIVATION_IN_PROGRESS = "ActivationInProgress";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String OKTA_UNAVAILABLE = "OktaUnavailable";
  public static final String DELETING = "Deleting";

  // Neither progressing nor stalled: a person switched Okta writes off.
  public static final String PAUSED = "Paused";

  // Stalled
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String OKTA_REJECTED = "OktaRejected";
  public static final String OKTA_AUTHENTICATION_FAILED = "OktaAuthenticationFailed";
  public static final String OKTA_ACCESS_DENIED = "OktaAccessDenied";
  public static final String LOGIN_CONFLICT = "LoginConflict";
  public static final String DUPLICATE_LOGIN = "DuplicateLogin";
  public static final String ADMIN_USER_PROTECTED = "AdminUserProtected";
  public static final String TRANSITION_NOT_ALLOWED = LifecyclePlanner.REASON_NOT_ALLOWED;

  // Events only
  public static final String CREATED = "Created";
  public static final String ADOPTED = "Adopted";
  public static final String CREATE_RECOVERED = "CreateRecovered";
  public static final String RECREATED = "Recreated";
  public static final String PROFILE_UPDATED = "ProfileUpdated";
  public static final String PASSWORD_SET = "PasswordSet";
  public static final String DEACTIVATED = "Deactivated";
  public static final String DELETED = "Deleted";
  public static final String ORPHANED = "Orphaned";
  public static final String PASSWORD_EXPIRED = "PasswordExpired";
  public static final String FACTORS_RESET = "FactorsReset";
  public static final String UNLOCKED = "Unlocked";
  public static final String ACTION_SKIPPED = "ActionSkipped";

  private Reasons() {}
}
