package io.salesdw.generator.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesdw.generator.GeneratedOrganisation;
import io.salesdw.generator.SourceFiles;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replaying the change feed — broken lines dropped, duplicates ignored, latest changed_at wins —
 * gives back the current state the CSV exports show; deleted opportunities end in a delete and are
 * absent from the export.
 */
class TestChangeFeedReplay {
  private static final Pattern KEY =
      Pattern.compile("\"entity\":\"(\\w+)\",\"op\":\"\\w+\",\"key\":\"(\\w+)\"");

  @Test
  void replayReproducesTheExportedLeadsOpportunitiesAccountsAndReps() throws Exception {
    GeneratedOrganisation organisation = GeneratedOrganisation.get();
    Map<String, JsonNode> latest = new HashMap<>();
    Set<String> brokenKeys = new HashSet<>();
    for (Path file : SourceFiles.files(organisation.file("crm/changes"), "changes-*.jsonl")) {
      for (String line : Files.readAllLines(file)) {
        JsonNode change;
        try {
          change = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          Matcher key = KEY.matcher(line);
          if (key.find()) {
            brokenKeys.add(key.group(1) + "/" + key.group(2));
          }
          continue;
        }
        String key = change.path("entity").asText() + "/" + change.path("key").asText();
        JsonNode previous = latest.get(key);
        if (previous == null
            || previous.path("changed_at").asText().compareTo(change.path("changed_at").asText())
                <= 0) {
          latest.put(key, change);
        }
      }
    }
    assertThat(latest).isNotEmpty();

    SourceFiles.Table opportunities =
        SourceFiles.csv(organisation.directory(), "crm/opportunities.csv");
    int compared =
        compare(
            "opportunity",
            opportunities.rows(),
            "opportunity_id",
            latest,
            brokenKeys,
            opportunities.header());
    assertThat(compared).isGreaterThan(opportunities.rows().size() * 9 / 10);
    SourceFiles.Table accounts =
        SourceFiles.csv(organisation.directory(), "crm/accounts.csv", Charset.forName("GBK"));
    int inYear =
        compare("account", accounts.rows(), "account_id", latest, brokenKeys, accounts.header());
    assertThat(inYear).isPositive();
    SourceFiles.Table leads = SourceFiles.csv(organisation.directory(), "crm/leads.csv");
    assertThat(compare("lead", leads.rows(), "lead_id", latest, brokenKeys, leads.header()))
        .isGreaterThan(leads.rows().size() * 9 / 10);
    SourceFiles.Table reps = SourceFiles.csv(organisation.directory(), "crm/reps.csv");
    assertThat(compare("rep", reps.rows(), "rep_id", latest, brokenKeys, reps.header()))
        .isPositive();

    Set<String> exported = new HashSet<>();
    opportunities.rows().forEach(row -> exported.add(row.get("opportunity_id")));
    long deletes = 0;
    for (Map.Entry<String, JsonNode> entry : latest.entrySet()) {
      if (entry.getValue().path("op").asText().equals("delete")) {
        deletes++;
        assertThat(entry.getValue().path("data").isNull()).isTrue();
        assertThat(exported).doesNotContain(entry.getValue().path("key").asText());
      }
    }
    assertThat(deletes).isPositive();
  }

  private static int compare(
      String entity,
      List<Map<String, String>> rows,
      String idColumn,
      Map<String, JsonNode> latest,
      Set<String> brokenKeys,
      List<String> columns) {
    int compared = 0;
    for (Map<String, String> row : rows) {
      String key = entity + "/" + row.get(idColumn);
      JsonNode change = latest.get(key);
      if (change == null || brokenKeys.contains(key)) {
        continue;
      }
      compared++;
      for (String column : columns) {
        JsonNode value = change.path("data").path(column);
        String replayed = value.isNull() ? "" : value.asText();
        assertThat(replayed).as("%s %s", key, column).isEqualTo(row.get(column));
      }
    }
    return compared;
  }
}
