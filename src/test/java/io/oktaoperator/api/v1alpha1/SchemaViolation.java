package io.oktaoperator.api.v1alpha1;

/**
 * One reason the CRD schema rejects a manifest.
 *
 * @param field field path in the API server's notation, such as {@code spec.profile.login} or
 *     {@code spec.items[0]}, which for a missing required field is the path of that field
 * @param keyword the OpenAPI keyword that failed, such as {@code maxLength}, or {@code
 *     x-kubernetes-validations} for a CEL rule
 * @param rule the CEL expression that failed, or {@code null} for an OpenAPI keyword
 * @param message the validator's message, or the rule's message
 */
record SchemaViolation(String field, String keyword, String rule, String message) {

  static final String CEL_KEYWORD = "x-kubernetes-validations";

  @Override
  public String toString() {
    return field + ": " + keyword + ": " + message;
  }
}
