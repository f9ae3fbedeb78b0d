package io.oktaoperator.simulator;

import java.util.Map;

/**
 * The parsed body of {@code POST /api/v1/users}.
 *
 * @param profile profile attributes; JSON nulls are dropped
 * @param password initial password, or null
 * @param recoveryQuestion recovery question, or null
 * @param providerType {@code credentials.provider.type}, or null for OKTA
 * @param providerName {@code credentials.provider.name}, or null
 * @param typeId {@code type.id}, or null for the default user type
 */
record CreateUserRequest(
    Map<String, Object> profile,
    PasswordInput password,
    RecoveryQuestion recoveryQuestion,
    String providerType,
    String providerName,
    String typeId) {}
