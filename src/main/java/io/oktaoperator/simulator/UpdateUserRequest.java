package io.oktaoperator.simulator;

import java.util.Map;

/**
 * The parsed body of a partial update, {@code POST /api/v1/users/{id}}.
 *
 * @param profileChanges attributes to change; a null value removes the attribute
 * @param password new password, or null to keep the current one
 * @param recoveryQuestion new recovery question, or null to keep the current one
 * @param typeId {@code type.id} if sent; it must equal the user's current type
 */
record UpdateUserRequest(
    Map<String, Object> profileChanges, PasswordInput password, RecoveryQuestion recoveryQuestion, String typeId) {}
