package io.salesdw.generator.crm;

/**
 * One line of a rep's weekly forecast: an open opportunity in 方案演示 or later, with the rep's
 * probability (over-confident), the manager's independent score and the evidence flags.
 */
record ForecastSubmission(
    int opportunity,
    int rep,
    long submittedAt,
    long weekStart,
    int stage,
    double trueProbability,
    double repProbability,
    double managerProbability,
    boolean hasManagerScore,
    long expectedClose) {}
