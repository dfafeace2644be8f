package io.salesdw.generator.crm;

import io.salesdw.generator.market.Industry;
import java.util.Arrays;

/**
 * One opportunity's full life, simulated past the year end and cut at it when written: stage entry
 * times, the outcome, the latent quality and per-stage advance probabilities behind it, and the
 * evidence a rep reports in forecasts. Read-only after {@link OpportunitySimulation}.
 */
public final class Opportunity {
  /** Stages in order. */
  static final Stage[] STAGES = Stage.values();

  final int index;
  final String id;
  final int leadIndex;
  final int accountIndex;
  final int companyIndex;
  final long createdAt;
  final String productLineCode;
  final BudgetBand band;
  final Industry industry;
  final int originalOwner;
  final boolean deleted;
  final long deletedAt;

  int successorOwner = -1;
  long successorAt = -1;

  double quality;
  final double[] advanceProbability = new double[STAGES.length];
  boolean budgetApproved;
  boolean trialSigned;
  boolean inTender;
  int needType;

  /** Entry instant of each stage, -1 if never entered. */
  final long[] enteredAt = new long[STAGES.length];

  int lastStage;
  boolean won;
  long closedAt;
  String lostReason = "";
  long amountFen;
  double baseAmountYuan;

  Opportunity(
      int index,
      String id,
      int leadIndex,
      int accountIndex,
      int companyIndex,
      long createdAt,
      String productLineCode,
      BudgetBand band,
      Industry industry,
      int originalOwner,
      boolean deleted,
      long deletedAt) {
    this.index = index;
    this.id = id;
    this.leadIndex = leadIndex;
    this.accountIndex = accountIndex;
    this.companyIndex = companyIndex;
    this.createdAt = createdAt;
    this.productLineCode = productLineCode;
    this.band = band;
    this.industry = industry;
    this.originalOwner = originalOwner;
    this.deleted = deleted;
    this.deletedAt = deletedAt;
    Arrays.fill(enteredAt, -1);
  }

  /** The owner at the instant (a leaver's open deals pass to the team manager). */
  public int ownerAt(long t) {
    return successorOwner >= 0 && t >= successorAt ? successorOwner : originalOwner;
  }

  /** The stage index at the instant (only meaningful while open). */
  int stageAt(long t) {
    int stage = 0;
    for (int k = 0; k <= lastStage; k++) {
      if (enteredAt[k] >= 0 && enteredAt[k] <= t) {
        stage = k;
      }
    }
    return stage;
  }

  /** Whether the opportunity is closed (won or lost) at the instant. */
  boolean closedBy(long t) {
    return closedAt <= t;
  }

  /** True probability of winning from the start of stage k on. */
  double winProbabilityFrom(int k) {
    double p = 1;
    for (int s = k; s < STAGES.length; s++) {
      p *= advanceProbability[s];
    }
    return p;
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public boolean deleted() {
    return deleted;
  }

  public boolean won() {
    return won;
  }

  public long closedAt() {
    return closedAt;
  }

  public long createdAt() {
    return createdAt;
  }

  public long amountFen() {
    return amountFen;
  }

  public int companyIndex() {
    return companyIndex;
  }

  public int accountIndex() {
    return accountIndex;
  }

  public String productLineCode() {
    return productLineCode;
  }

  public int lastStage() {
    return lastStage;
  }

  public long enteredAt(int stage) {
    return enteredAt[stage];
  }

  public int needType() {
    return needType;
  }

  public boolean budgetApproved() {
    return budgetApproved;
  }

  public String lostReason() {
    return lostReason;
  }
}
