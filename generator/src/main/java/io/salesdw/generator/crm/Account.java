package io.salesdw.generator.crm;

import io.salesdw.generator.text.CompanyNameVariant;

/**
 * A CRM account: one company as a rep entered it. A company may have a second, duplicate account
 * ({@code duplicateOf} &gt;= 0) under a name variant. Read-only after {@link AccountBook} builds
 * it.
 */
public final class Account {
  final int index;
  final String id;
  final int companyIndex;
  final long createdAt;
  final CompanyNameVariant variant;
  final String name;
  final int duplicateOf;
  final boolean hasCreditCode;
  final int ownerRep;

  /** The owner after the first owner left, and when; -1 if the owner never changed. */
  int successorRep = -1;

  long successorAt = -1;

  /** An extra in-year edit of the account (a phone or address fix), or -1. */
  long editedAt = -1;

  boolean industryMissing;
  boolean cityMissing;
  boolean phoneMissing;
  final String phone;
  final String email;

  Account(
      int index,
      String id,
      int companyIndex,
      long createdAt,
      CompanyNameVariant variant,
      String name,
      int duplicateOf,
      boolean hasCreditCode,
      int ownerRep,
      String phone,
      String email) {
    this.index = index;
    this.id = id;
    this.companyIndex = companyIndex;
    this.createdAt = createdAt;
    this.variant = variant;
    this.name = name;
    this.duplicateOf = duplicateOf;
    this.hasCreditCode = hasCreditCode;
    this.ownerRep = ownerRep;
    this.phone = phone;
    this.email = email;
  }

  /** The owning rep at the instant. */
  int ownerAt(long t) {
    return successorRep >= 0 && t >= successorAt ? successorRep : ownerRep;
  }

  public String id() {
    return id;
  }

  public int companyIndex() {
    return companyIndex;
  }

  public String name() {
    return name;
  }

  public CompanyNameVariant variant() {
    return variant;
  }

  public long createdAt() {
    return createdAt;
  }
}
