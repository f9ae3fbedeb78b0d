package io.oktaoperator.okta;

/** HTTP 5xx: an error on Okta's side that may pass (E0000009, E0000010). */
public final class OktaServerException extends OktaApiException {

  public OktaServerException(String operation, int httpStatus, OktaError error) {
    super(operation, httpStatus, error);
  }
}
