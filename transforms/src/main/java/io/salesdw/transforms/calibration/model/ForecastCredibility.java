package io.salesdw.transforms.calibration.model;

import static java.util.Objects.requireNonNull;

/**
 * A 0 to 100 score of how far a single forecast is backed by evidence, for ranking which forecasts
 * to inspect. It is a transparent points rule, not a fitted model:
 *
 * <pre>
 * score = clamp(40
 *               + 25 if a trial agreement is signed
 *               + 25 if the budget is approved
 *               - 10 if the deal is in a competitive tender review
 *               - 40 * |rep probability - manager probability|, when the manager scored it,
 *               0, 100)
 * </pre>
 *
 * <p>So an unscored deal with no evidence has 40, one with both signals 90 (the highest reachable
 * today; the cap of 100 leaves room for more signals), and a rep and manager who disagree by 0.5
 * cost it 20 points. The reasoning: a signed trial and an approved budget are commitments by the
 * customer rather than the rep's impression; a tender review means competitors, so even a sound
 * forecast faces worse odds; a manager who disagrees with the rep says the evidence was read two
 * ways. The weights are a starting rule, to be tuned by checking calibration per score band.
 * Clamping happens once, at the end, so the order of the terms does not matter.
 */
public final class ForecastCredibility {
  /** The score of a forecast with no evidence either way. */
  public static final double BASE_POINTS = 40;

  /** Points for a signed trial agreement. */
  public static final double TRIAL_AGREEMENT_POINTS = 25;

  /** Points for an approved budget. */
  public static final double BUDGET_APPROVED_POINTS = 25;

  /** Points taken for a competitive tender review. */
  public static final double TENDER_REVIEW_PENALTY = 10;

  /** Points taken per unit of absolute gap between the rep's and the manager's probability. */
  public static final double DISAGREEMENT_PENALTY_PER_UNIT = 40;

  /** The lowest score. */
  public static final double MINIMUM_SCORE = 0;

  /** The highest score. */
  public static final double MAXIMUM_SCORE = 100;

  private ForecastCredibility() {}

  /** Returns the credibility score of a forecast, in [0, 100]. */
  public static double score(ForecastEvidence evidence) {
    requireNonNull(evidence, "evidence is null");
    double score = BASE_POINTS;
    if (evidence.trialAgreementSigned()) {
      score += TRIAL_AGREEMENT_POINTS;
    }
    if (evidence.budgetApproved()) {
      score += BUDGET_APPROVED_POINTS;
    }
    if (evidence.inTenderReview()) {
      score -= TENDER_REVIEW_PENALTY;
    }
    if (evidence.managerProbability().isPresent()) {
      double gap =
          Math.abs(evidence.repProbability() - evidence.managerProbability().getAsDouble());
      score -= DISAGREEMENT_PENALTY_PER_UNIT * gap;
    }
    return Math.min(Math.max(score, MINIMUM_SCORE), MAXIMUM_SCORE);
  }
}
