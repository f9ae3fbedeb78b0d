package io.oktaoperator.okta;

/** HTTP 401: the API token is invalid, expired or revoked (E0000011). */
public final class OktaAuthenticationException extends OktaApiException {

  public OktaAuthenticationException(String operation, int httpStatus, OktaError error) {
    super(operation, httpStatus, error);
  }
}
