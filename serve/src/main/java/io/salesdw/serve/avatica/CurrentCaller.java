package io.salesdw.serve.avatica;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.ServletException;

/**
 * The caller of the request a thread is handling. Avatica's handler runs the whole call (decode,
 * Meta, encode) on the HTTP thread that received it, so the authentication handler sets the caller
 * here around that call and the Meta reads it: Avatica's Meta API has no place for a user. One per
 * endpoint, never static.
 */
final class CurrentCaller {
  private final ThreadLocal<AvaticaCaller> caller = new ThreadLocal<>();

  /** Handles a request as {@code who}; the thread forgets them after, whatever happens. */
  void runAs(AvaticaCaller who, RequestHandling handling) throws IOException, ServletException {
    caller.set(who);
    try {
      handling.handle();
    } finally {
      caller.remove();
    }
  }

  /** The caller of the request this thread handles, if any. */
  Optional<AvaticaCaller> get() {
    return Optional.ofNullable(caller.get());
  }

  /** The handling of one HTTP request. */
  @FunctionalInterface
  interface RequestHandling {
    void handle() throws IOException, ServletException;
  }
}
