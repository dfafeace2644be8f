package io.salesdw.serve.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.Role;
import io.salesdw.serve.SemanticService;
import io.salesdw.serve.ServedCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestVerifiedLogins {
  private static final Principal CAROL = new Principal("carol", Role.executive(), Optional.empty());

  /** Accepts carol/pw-1 and token t-1, counting the checks. */
  private static final class CountingService implements SemanticService {
    int passwordChecks;
    int tokenChecks;

    @Override
    public Principal logIn(String user, String password, String client) {
      passwordChecks++;
      if (user.equals("carol") && password.equals("pw-1")) {
        return CAROL;
      }
      throw new SalesdwException(ErrorKind.USER_ERROR, "wrong user or password");
    }

    @Override
    public Principal logInWithToken(String token, String client) {
      tokenChecks++;
      if (token.equals("t-1")) {
        return CAROL;
      }
      throw new SalesdwException(ErrorKind.USER_ERROR, "unknown token");
    }

    @Override
    public SemanticAnswer execute(
        Principal principal,
        String sql,
        String endpoint,
        String client,
        QueryCancellation cancellation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServedCatalog catalog(Principal principal) {
      return new ServedCatalog(List.of());
    }
  }

  private final CountingService service = new CountingService();
  private final AtomicLong now = new AtomicLong(1_000);
  private final VerifiedLogins logins = new VerifiedLogins(service, Duration.ofNanos(60), now::get);

  @Test
  void asksTheServiceOnceWithinTheTimeToLive() {
    assertThat(logins.logIn("carol", "pw-1", "c")).isEqualTo(CAROL);
    now.addAndGet(59);
    assertThat(logins.logIn("carol", "pw-1", "c")).isEqualTo(CAROL);
    assertThat(service.passwordChecks).isEqualTo(1);

    now.addAndGet(1);
    assertThat(logins.logIn("carol", "pw-1", "c")).isEqualTo(CAROL);
    assertThat(service.passwordChecks).isEqualTo(2);
  }

  @Test
  void neverServesAnotherPasswordOrAFailureFromTheCache() {
    logins.logIn("carol", "pw-1", "c");
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> logins.logIn("carol", "pw-2", "c"))
          .hasMessage("wrong user or password");
    }
    // The user name and password are not confused at their boundary.
    assertThatThrownBy(() -> logins.logIn("carolp", "w-1", "c"))
        .hasMessage("wrong user or password");
    assertThat(service.passwordChecks).isEqualTo(4);
  }

  @Test
  void cachesTokensApartFromPasswords() {
    assertThat(logins.logInWithToken("t-1", "c")).isEqualTo(CAROL);
    assertThat(logins.logInWithToken("t-1", "c")).isEqualTo(CAROL);
    assertThatThrownBy(() -> logins.logInWithToken("t-2", "c")).hasMessage("unknown token");
    assertThat(service.tokenChecks).isEqualTo(2);
    assertThatThrownBy(() -> logins.logIn("", "t-1", "c")).hasMessage("wrong user or password");
  }
}
