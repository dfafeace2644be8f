package io.salesdw.generator.crm;

import io.salesdw.generator.market.Industry;
import java.util.Arrays;

/**
 * One lead's whole year: who it came from, each assignment (and recycling back to the pool), the
 * first touch and the outcome. Filled in once by {@link LeadSimulation} and read-only afterwards;
 * instants are epoch seconds, -1 when the event did not happen.
 */
public final class Lead {
  final int index;
  final String id;
  final long createdAt;
  final Channel channel;
  final int companyIndex;
  final int personIndex;
  final int regionIndex;
  final Industry industry;
  final BudgetBand band;
  final String companyNameAsTyped;
  final String contactName;
  final boolean hasEmail;

  int[] assignedRep = new int[0];
  long[] assignedAt = new long[0];
  long[] claimedAt = new long[0];

  /** When each assignment ended by recycling to the pool; Long.MAX_VALUE if it did not. */
  long[] recycledAt = new long[0];

  long firstTouchAt = -1;
  long mqlAt = -1;
  long sqlAt = -1;
  long convertedAt = -1;
  int opportunityIndex = -1;
  long invalidAt = -1;

  boolean phoneMissing;
  boolean industryMissing;
  boolean regionMissing;

  Lead(
      int index,
      String id,
      long createdAt,
      Channel channel,
      int companyIndex,
      int personIndex,
      int regionIndex,
      Industry industry,
      BudgetBand band,
      String companyNameAsTyped,
      String contactName,
      boolean hasEmail) {
    this.index = index;
    this.id = id;
    this.createdAt = createdAt;
    this.channel = channel;
    this.companyIndex = companyIndex;
    this.personIndex = personIndex;
    this.regionIndex = regionIndex;
    this.industry = industry;
    this.band = band;
    this.companyNameAsTyped = companyNameAsTyped;
    this.contactName = contactName;
    this.hasEmail = hasEmail;
  }

  void addAssignment(int rep, long assigned, long claimed) {
    int n = assignedRep.length;
    assignedRep = Arrays.copyOf(assignedRep, n + 1);
    assignedAt = Arrays.copyOf(assignedAt, n + 1);
    claimedAt = Arrays.copyOf(claimedAt, n + 1);
    recycledAt = Arrays.copyOf(recycledAt, n + 1);
    assignedRep[n] = rep;
    assignedAt[n] = assigned;
    claimedAt[n] = claimed;
    recycledAt[n] = Long.MAX_VALUE;
  }

  /** The assignment in force at the instant, or -1 if the lead is in the pool. */
  int assignmentAt(long t) {
    for (int i = assignedAt.length - 1; i >= 0; i--) {
      if (assignedAt[i] <= t) {
        return recycledAt[i] <= t ? -1 : i;
      }
    }
    return -1;
  }

  /** Times the lead went back to the pool up to the instant. */
  int recyclesAt(long t) {
    int count = 0;
    for (long recycled : recycledAt) {
      if (recycled <= t) {
        count++;
      }
    }
    return count;
  }

  /** The rep the lead belongs to at the instant (the last assignee while in the pool), or -1. */
  int ownerAt(long t) {
    int owner = -1;
    for (int i = 0; i < assignedAt.length && assignedAt[i] <= t; i++) {
      owner = assignedRep[i];
    }
    return owner;
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public long createdAt() {
    return createdAt;
  }

  public Channel channel() {
    return channel;
  }

  public int companyIndex() {
    return companyIndex;
  }

  public int personIndex() {
    return personIndex;
  }

  public long firstTouchAt() {
    return firstTouchAt;
  }

  public long convertedAt() {
    return convertedAt;
  }

  public long invalidAt() {
    return invalidAt;
  }

  public BudgetBand band() {
    return band;
  }
}
