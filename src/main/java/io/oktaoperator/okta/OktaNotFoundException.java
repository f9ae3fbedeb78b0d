package io.oktaoperator.okta;

/** HTTP 404: the user (or other resource) does not exist (E0000007). */
public final class OktaNotFoundException extends OktaApiException {

  public OktaNotFoundException(String operation, int httpStatus, OktaError error) {
    super(operation, httpStatus, error);
  }
}
