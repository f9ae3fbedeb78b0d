package io.oktaoperator.okta;

/** HTTP 409: the user is busy, for example still being activated (E0000112). */
public final class OktaConflictException extends OktaApiException {

  public OktaConflictException(String operation, int httpStatus, OktaError error) {
    super(operation, httpStatus, error);
  }
}
