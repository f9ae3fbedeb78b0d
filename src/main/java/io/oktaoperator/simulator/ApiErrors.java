package io.oktaoperator.simulator;

import java.util.List;

/**
 * Factory of the Okta errors that the simulator returns. Codes, HTTP statuses and summaries follow
 * Okta's error-code catalogue ({@code data/error-codes.json} in okta/okta-developer-docs); the
 * causes are those seen in Okta responses where known.
 */
final class ApiErrors {

  private static final String VALIDATION_FAILED = "E0000001";

  private ApiErrors() {}

  /**
   * Returns 400 E0000001 "Api validation failed: {subject}" with the given causes, each of the
   * form {@code "<field>: <message>"}.
   */
  static ApiError validationFailed(String subject, List<String> causes) {
    return new ApiError(400, VALIDATION_FAILED, "Api validation failed: " + subject, causes);
  }

  /** Returns the error Okta sends when a login is taken by another user, including a deactivated one. */
  static ApiError loginAlreadyExists() {
    return validationFailed(
        "login", List.of("login: An object with this field already exists in the current organization"));
  }

  /** Returns the error for suspending a user that is not ACTIVE. */
  static ApiError cannotSuspend() {
    return validationFailed("suspendUser", List.of("Cannot suspend a user that is not active"));
  }

  /** Returns the error for unsuspending a user that is not SUSPENDED. */
  static ApiError cannotUnsuspend() {
    return validationFailed("unsuspendUser", List.of("Cannot unsuspend a user that is not suspended"));
  }

  static ApiError malformedBody() {
    return new ApiError(400, "E0000003", "The request body was not well-formed.", List.of());
  }

  static ApiError badRequest() {
    return new ApiError(400, "E0000020", "Bad request.", List.of());
  }

  static ApiError invalidToken() {
    return new ApiError(401, "E0000011", "Invalid token provided", List.of());
  }

  /** Returns 403 E0000006, for a token without the scope or admin role that an operation needs. */
  static ApiError accessDenied() {
    return new ApiError(403, "E0000006", "You do not have permission to perform the requested action", List.of());
  }

  static ApiError userNotFound(String idOrLogin) {
    return new ApiError(404, "E0000007", "Not found: Resource not found: " + idOrLogin + " (User)", List.of());
  }

  static ApiError pathNotFound() {
    return new ApiError(404, "E0000008", "The requested path was not found", List.of());
  }

  static ApiError methodNotAllowed() {
    return new ApiError(405, "E0000022", "The endpoint does not support the provided HTTP method", List.of());
  }

  static ApiError userAlreadyActive() {
    return new ApiError(403, "E0000016", "Activation failed because the user is already active", List.of());
  }

  static ApiError operationNotAllowedInStatus() {
    return new ApiError(403, "E0000038", "This operation is not allowed in the user's current status.", List.of());
  }

  static ApiError unlockNotAllowed() {
    return new ApiError(403, "E0000032", "Unlock is not allowed for this user.", List.of());
  }

  static ApiError passwordResetFailed() {
    return new ApiError(403, "E0000017", "Password reset failed", List.of());
  }

  static ApiError forgotPasswordNotAllowed() {
    return new ApiError(403, "E0000034", "Forgot password not allowed on specified user.", List.of());
  }

  static ApiError changePasswordNotAllowed() {
    return new ApiError(403, "E0000035", "Change password not allowed on specified user.", List.of());
  }

  static ApiError changeRecoveryQuestionNotAllowed() {
    return new ApiError(403, "E0000036", "Change recovery question not allowed on specified user.", List.of());
  }

  /**
   * Returns 403 E0000014, which change_password sends for a wrong old password or a new password
   * that the policy rejects, with one cause per reason.
   */
  static ApiError credentialsUpdateFailed(List<String> causes) {
    return new ApiError(403, "E0000014", "Update of credentials failed", causes);
  }

  static ApiError stillActivating() {
    return new ApiError(
        409,
        "E0000112",
        "Cannot update this user because they are still being activated. Please try again in a few minutes.",
        List.of());
  }

  static ApiError typeMismatch(String detail) {
    return new ApiError(400, "E0000037", "Type mismatch exception.  " + detail, List.of());
  }

  static ApiError invalidPaging() {
    return new ApiError(400, "E0000029", "Invalid paging request.", List.of());
  }

  static ApiError invalidDate() {
    return new ApiError(
        400,
        "E0000030",
        "Bad request. Invalid date. Dates must be of the form yyyy-MM-dd'T'HH:mm:ss.SSSZZ, e.g."
            + " 2013-01-01T12:00:00.000-07:00.",
        List.of());
  }

  static ApiError invalidSearchCriteria() {
    return new ApiError(400, "E0000031", "Invalid search criteria.", List.of());
  }

  static ApiError searchAndFilterTogether() {
    return new ApiError(
        400, "E0000033", "Bad request. Can't specify a search query and filter in the same request.", List.of());
  }

  static ApiError rateLimitExceeded() {
    return new ApiError(429, "E0000047", "API call exceeded rate limit due to too many requests.", List.of());
  }

  /** Returns the error for more than 20 {@code groupIds} on create; text from Okta's OpenAPI example. */
  static ApiError tooManyGroupTargets() {
    return new ApiError(
        400, "E0000093", "Target count limit exceeded", List.of("The number of group targets is too large"));
  }

  /** Returns the error for {@code nextLogin=changePassword} without a password; text from Okta's OpenAPI example. */
  static ApiError expireOnCreateRequiresPassword() {
    String summary =
        "Could not create user. To create a user and expire their password immediately, a password must be"
            + " specified.";
    return new ApiError(400, "E0000124", summary, List.of(summary));
  }

  /** Returns the error for {@code nextLogin=changePassword} with {@code activate=false}; text from Okta's OpenAPI example. */
  static ApiError expireOnCreateRequiresActivation() {
    String summary =
        "Could not create user. To create a user and expire their password immediately, `activate` must be true.";
    return new ApiError(400, "E0000125", summary, List.of(summary));
  }

  static ApiError internalError() {
    return new ApiError(500, "E0000009", "Internal Server Error", List.of());
  }

  /** Returns 503 E0000010, which Okta sends while an org is in read-only mode, such as during maintenance. */
  static ApiError serviceUnavailable() {
    return new ApiError(503, "E0000010", "Service is in read only mode", List.of());
  }
}
