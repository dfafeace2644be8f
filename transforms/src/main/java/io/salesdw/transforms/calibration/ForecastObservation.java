package io.salesdw.transforms.calibration;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One weekly forecast of an opportunity and what became of it.
 *
 * @param forecastId the submission's id
 * @param opportunityId the opportunity forecast
 * @param repId the submitting rep
 * @param teamId the rep's team at submission (may be empty when the rep is unknown)
 * @param submittedAt when it was submitted (business time)
 * @param expectedCloseMonth the month the rep expects the deal to close
 * @param repProbability the rep's win probability
 * @param managerProbability the manager's independent score, when given
 * @param amount the forecast amount
 * @param won the outcome, empty while the opportunity is open
 * @param closedAt when the opportunity closed, empty while open
 */
public record ForecastObservation(
    String forecastId,
    String opportunityId,
    String repId,
    Optional<String> teamId,
    LocalDateTime submittedAt,
    YearMonth expectedCloseMonth,
    double repProbability,
    OptionalDouble managerProbability,
    double amount,
    Optional<Boolean> won,
    Optional<LocalDateTime> closedAt) {
  public ForecastObservation {
    requireNonNull(forecastId, "forecastId is null");
    requireNonNull(opportunityId, "opportunityId is null");
    requireNonNull(repId, "repId is null");
    requireNonNull(teamId, "teamId is null");
    requireNonNull(submittedAt, "submittedAt is null");
    requireNonNull(expectedCloseMonth, "expectedCloseMonth is null");
    requireNonNull(managerProbability, "managerProbability is null");
    requireNonNull(won, "won is null");
    requireNonNull(closedAt, "closedAt is null");
    if (!(repProbability >= 0 && repProbability <= 1)) {
      throw new IllegalArgumentException("repProbability not in [0, 1]: " + repProbability);
    }
  }

  /** The month the forecast was submitted in. */
  public YearMonth month() {
    return YearMonth.from(submittedAt);
  }

  /** True when the outcome was known before the given time. */
  public boolean resolvedBefore(LocalDateTime time) {
    return won.isPresent() && closedAt.isPresent() && closedAt.get().isBefore(time);
  }
}
