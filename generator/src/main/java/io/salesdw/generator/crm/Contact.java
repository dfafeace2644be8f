package io.salesdw.generator.crm;

/** A CRM contact: one person of a company recorded under one account. */
public final class Contact {
  final int index;
  final String id;
  final int accountIndex;
  final int personIndex;
  final long createdAt;
  boolean titleMissing;
  boolean phoneMissing;

  Contact(int index, String id, int accountIndex, int personIndex, long createdAt) {
    this.index = index;
    this.id = id;
    this.accountIndex = accountIndex;
    this.personIndex = personIndex;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public int personIndex() {
    return personIndex;
  }

  public long createdAt() {
    return createdAt;
  }

  public int accountIndex() {
    return accountIndex;
  }
}
