package io.salesdw.generator.org;

import static java.util.Objects.requireNonNull;

import io.salesdw.generator.text.PersonName;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A rep (or team manager) over the year: employment dates, team history, and the latent traits that
 * drive results — selling skill, which raises both win rates and deal sizes.
 *
 * @param teamHistory team memberships, each from its start instant; the first starts at hire or
 *     before the year
 * @param skill standard-normal selling skill (0 for managers)
 */
public record Rep(
    int index,
    String id,
    PersonName name,
    RepLevel level,
    LocalDate hireDate,
    Optional<LocalDate> leaveDate,
    long hiredAt,
    long leftAt,
    List<TeamMembership> teamHistory,
    double skill,
    boolean writesEnglish,
    String phone,
    String email,
    String wecomUserId) {
  public Rep {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(level, "level is null");
    requireNonNull(hireDate, "hireDate is null");
    requireNonNull(leaveDate, "leaveDate is null");
    teamHistory = List.copyOf(teamHistory);
    if (teamHistory.isEmpty()) {
      throw new IllegalArgumentException("teamHistory is empty for " + id);
    }
    requireNonNull(phone, "phone is null");
    requireNonNull(email, "email is null");
    requireNonNull(wecomUserId, "wecomUserId is null");
  }

  /** Whether this rep manages a team. */
  public boolean isManager() {
    return level == RepLevel.M1;
  }

  /** Whether the rep is employed at the instant. */
  public boolean isActive(long epochSecond) {
    return epochSecond >= hiredAt && epochSecond < leftAt;
  }

  /** The team the rep belongs to at the instant (the first team before the history starts). */
  public int teamAt(long epochSecond) {
    int team = teamHistory.get(0).teamIndex();
    for (TeamMembership membership : teamHistory) {
      if (membership.from() <= epochSecond) {
        team = membership.teamIndex();
      }
    }
    return team;
  }

  /** The team at the end of the year. */
  public int currentTeam() {
    return teamHistory.get(teamHistory.size() - 1).teamIndex();
  }

  /** One team membership, from an instant on. */
  public record TeamMembership(long from, int teamIndex) {}
}
