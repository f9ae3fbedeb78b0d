package io.oktaoperator.okta;

/** A failed call to Okta: an error response from the API, or no usable response at all. */
public abstract class OktaException extends RuntimeException {

  protected OktaException(String message, Throwable cause) {
    super(message, cause);
  }
}
