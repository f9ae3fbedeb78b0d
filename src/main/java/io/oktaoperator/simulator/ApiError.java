package io.oktaoperator.simulator;

import java.util.List;

/**
 * An Okta error response without its per-request {@code errorId}, which is added when the
 * response is written.
 *
 * @param httpStatus HTTP status code of the response
 * @param errorCode Okta error code such as {@code E0000001}; also sent as {@code errorLink}
 * @param errorSummary human-readable summary
 * @param errorCauses summaries of the individual causes, often empty
 */
record ApiError(int httpStatus, String errorCode, String errorSummary, List<String> errorCauses) {

  ApiError {
    errorCauses = List.copyOf(errorCauses);
  }

  /** Returns an exception that makes the HTTP layer send this error. */
  ApiErrorException toException() {
    return new ApiErrorException(this);
  }
}
