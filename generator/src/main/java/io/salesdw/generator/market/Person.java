package io.salesdw.generator.market;

import static java.util.Objects.requireNonNull;

import io.salesdw.generator.text.PersonName;
import java.util.Optional;

/**
 * An employee of a company whom reps talk to; {@code wecomExternalUserId} if reachable on WeCom.
 */
public record Person(
    int index,
    int companyIndex,
    PersonName name,
    String title,
    DecisionRole role,
    String mobile,
    String email,
    Optional<String> wecomExternalUserId) {
  public Person {
    requireNonNull(name, "name is null");
    requireNonNull(title, "title is null");
    requireNonNull(role, "role is null");
    requireNonNull(mobile, "mobile is null");
    requireNonNull(email, "email is null");
    requireNonNull(wecomExternalUserId, "wecomExternalUserId is null");
  }
}
