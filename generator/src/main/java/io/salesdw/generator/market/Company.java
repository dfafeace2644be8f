package io.salesdw.generator.market;

import static java.util.Objects.requireNonNull;

import io.salesdw.generator.text.City;
import io.salesdw.generator.text.CompanyName;

/**
 * A real-world company in the simulated market: the true identity behind CRM accounts, ERP
 * customers and chat contacts.
 *
 * @param firstPerson index of its first employee in the market's person list
 * @param personCount number of its employees the simulation knows
 * @param acquiredDay epoch day of its first purchase if it became a customer before the year, else
 *     -1
 */
public record Company(
    int index,
    String id,
    CompanyName name,
    Industry industry,
    City city,
    int regionIndex,
    String creditCode,
    String phone,
    String emailDomain,
    boolean englishSpeaking,
    int firstPerson,
    int personCount,
    long acquiredDay) {
  public Company {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(industry, "industry is null");
    requireNonNull(city, "city is null");
    requireNonNull(creditCode, "creditCode is null");
    requireNonNull(phone, "phone is null");
    requireNonNull(emailDomain, "emailDomain is null");
  }

  /** Whether the company bought before the simulated year. */
  public boolean isHistoricCustomer() {
    return acquiredDay >= 0;
  }
}
