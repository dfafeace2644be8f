package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.Role;
import java.util.Optional;

/**
 * A user of the served layer, from the configuration.
 *
 * @param name the user's name, as they log in
 * @param role what they may read
 * @param repId their rep ({@code dim_rep.rep_id}); required unless the role reads all rows
 * @param passwordHash their password's hash, if they log in with a password
 * @param tokenHash their access token's hash, if they log in with a token
 */
public record ServeUser(
    String name,
    Role role,
    Optional<String> repId,
    Optional<PasswordHash> passwordHash,
    Optional<PasswordHash> tokenHash) {
  public ServeUser {
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
    requireNonNull(repId, "repId is null");
    requireNonNull(passwordHash, "passwordHash is null");
    requireNonNull(tokenHash, "tokenHash is null");
    if (passwordHash.isEmpty() && tokenHash.isEmpty()) {
      throw new IllegalArgumentException("user " + name + " has neither password nor token");
    }
    // Validates the rep id against the role.
    new Principal(name, role, repId);
  }

  /** The user as the semantic layer's policies see them. */
  public Principal principal() {
    return new Principal(name, role, repId);
  }
}
