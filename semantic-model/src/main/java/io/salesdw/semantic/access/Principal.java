package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An authenticated user of the semantic layer, as the access policies see them.
 *
 * @param user the user's name
 * @param role what they may read
 * @param repId their rep in the rep dimension ({@code dim_rep.rep_id}); required unless the role
 *     reads all rows
 */
public record Principal(String user, Role role, Optional<String> repId) {
  public Principal {
    requireNonNull(user, "user is null");
    requireNonNull(role, "role is null");
    requireNonNull(repId, "repId is null");
    if (user.isBlank()) {
      throw new IllegalArgumentException("a user's name is blank");
    }
    if (role.rows() != RowScope.ALL && repId.isEmpty()) {
      throw new IllegalArgumentException(
          "user " + user + " has role " + role.name() + ", which needs their rep id");
    }
  }
}
