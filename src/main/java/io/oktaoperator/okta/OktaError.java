package io.oktaoperator.okta;

import java.util.List;

/**
 * Okta's error body.
 *
 * @param errorCode stable code such as {@code E0000001}
 * @param errorSummary human-readable summary; its wording may change, so branch on the code
 * @param errorId per-request id for Okta support
 * @param errorCauses the {@code errorSummary} of each cause, often one per invalid field
 */
public record OktaError(String errorCode, String errorSummary, String errorId, List<String> errorCauses) {

  public OktaError {
    errorCauses = errorCauses == null ? List.of() : List.copyOf(errorCauses);
  }
}
