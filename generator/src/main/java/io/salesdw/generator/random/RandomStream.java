package io.salesdw.generator.random;

/**
 * The independent random streams of the generator. Each entity draws from its own stream and index,
 * so adding draws to one kind of entity never shifts the values of another, and work can be split
 * across threads without changing a byte of the output. The ids are fixed: renumbering them would
 * change every generated data set.
 */
public enum RandomStream {
  ORGANISATION(1),
  REP(2),
  COMPANY(3),
  PERSON(4),
  LEAD(5),
  LEAD_SAMPLING(6),
  OPPORTUNITY(7),
  OPPORTUNITY_SAMPLING(8),
  ACCOUNT(9),
  ACTIVITY(10),
  ACTIVITY_TEXT(11),
  FORECAST(12),
  TARGET(13),
  CHANGE_FEED(14),
  PRODUCT(15),
  CUSTOMER_LIFETIME(16),
  ERP_DEAL(17),
  ERP_DOCUMENT(18),
  CHAT_CONTACT(19),
  CHAT_SESSION(20),
  CALL(21),
  DEFECT(22),
  CALIBRATION(23);

  private final long id;

  RandomStream(long id) {
    this.id = id;
  }

  /** The fixed number mixed into every seed of this stream. */
  public long id() {
    return id;
  }
}
