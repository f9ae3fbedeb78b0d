package io.oktaoperator.okta;

/** HTTP 400: Okta rejected the request content (E0000001 and its causes, E0000003, ...). */
public final class OktaValidationException extends OktaApiException {

  public OktaValidationException(String operation, int httpStatus, OktaError error) {
    super(operation, httpStatus, error);
  }
}
