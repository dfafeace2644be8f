package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * What backs one forecast: the rep's and (if given) the manager's probability and the deal's
 * evidence flags. The input of {@link ForecastCredibility}.
 *
 * @param repProbability the rep's probability of winning, in [0, 1]
 * @param managerProbability the manager's probability, in [0, 1], empty when the manager has not
 *     scored the deal
 * @param trialAgreementSigned whether the customer signed a trial agreement
 * @param budgetApproved whether the customer's budget is approved
 * @param inTenderReview whether the deal is in a competitive tender review
 */
public record ForecastEvidence(
    double repProbability,
    OptionalDouble managerProbability,
    boolean trialAgreementSigned,
    boolean budgetApproved,
    boolean inTenderReview) {
  public ForecastEvidence {
    Probabilities.checkProbability(repProbability, "repProbability");
    requireNonNull(managerProbability, "managerProbability is null");
    if (managerProbability.isPresent()) {
      Probabilities.checkProbability(managerProbability.getAsDouble(), "managerProbability");
    }
  }
}
