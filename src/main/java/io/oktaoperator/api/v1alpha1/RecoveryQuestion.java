package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A recovery question whose answer lives in a Secret. */
public class RecoveryQuestion {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The question shown to the user.")
  private String question;

  @Required
  @JsonPropertyDescription("Secret key holding the answer.")
  private SecretKeyReference answerSecretRef;

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public SecretKeyReference getAnswerSecretRef() {
    return answerSecretRef;
  }

  public void setAnswerSecretRef(SecretKeyReference answerSecretRef) {
    this.answerSecretRef = answerSecretRef;
  }
}
