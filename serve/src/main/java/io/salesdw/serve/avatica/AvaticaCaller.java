package io.salesdw.serve.avatica;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.access.Principal;

/**
 * Who sent the HTTP request being handled: the principal its credentials proved, and the address it
 * came from.
 *
 * @param principal the authenticated user
 * @param client the client's address, such as {@code 127.0.0.1:53122}
 */
record AvaticaCaller(Principal principal, String client) {
  AvaticaCaller {
    requireNonNull(principal, "principal is null");
    requireNonNull(client, "client is null");
  }

  String user() {
    return principal.user();
  }
}
