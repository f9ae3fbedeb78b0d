package io.oktaoperator.simulator;

/** A recovery question and its write-only answer, from {@code credentials.recovery_question}. */
record RecoveryQuestion(String question, String answer) {

  @Override
  public String toString() {
    return "RecoveryQuestion[question=" + question + ", answer=***]";
  }
}
