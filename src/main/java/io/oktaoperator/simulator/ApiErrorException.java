package io.oktaoperator.simulator;

/** Aborts request handling and makes the HTTP layer respond with the carried {@link ApiError}. */
final class ApiErrorException extends RuntimeException {

  private final ApiError error;

  ApiErrorException(ApiError error) {
    super(error.errorCode() + " " + error.errorSummary(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
