package io.salesdw.ingestion.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores the matcher against the generator's ground truth: reads a generated organisation's CRM
 * accounts and contacts, ERP customers and chat contacts straight from its files (no Spark), runs
 * {@link CustomerMatcher}, and compares the clusters with {@code ground-truth/account-identity.csv}
 * pairwise — precision over the pairs of records put in one cluster, recall over the pairs of
 * records of one true company.
 *
 * <p>{@code java -cp … io.salesdw.ingestion.identity.IdentityEvaluation DIR} prints the result.
 */
public final class IdentityEvaluation {
  private static final Charset GBK = Charset.forName("GBK");
  private static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private IdentityEvaluation() {}

  /**
   * Pairwise precision, recall and F1 with the counts they come from.
   *
   * @param records records matched
   * @param clusters unified customers formed
   * @param companies true companies
   * @param predictedPairs pairs of records in one cluster
   * @param truePairs pairs of records of one true company
   * @param correctPairs pairs that are both
   */
  public record Result(
      long records,
      long clusters,
      long companies,
      long predictedPairs,
      long truePairs,
      long correctPairs) {
    public Result {
      if (correctPairs > predictedPairs || correctPairs > truePairs) {
        throw new IllegalArgumentException("correct pairs exceed predicted or true pairs");
      }
    }

    public double precision() {
      return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
      return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "precision %.4f, recall %.4f, F1 %.4f (records %d, clusters %d, companies %d,"
              + " predicted pairs %d, true pairs %d, correct pairs %d)",
          precision(),
          recall(),
          f1(),
          records,
          clusters,
          companies,
          predictedPairs,
          truePairs,
          correctPairs);
    }
  }

  /** Matches the organisation generated into the directory and scores it. */
  public static Result evaluate(Path generated) {
    List<CrosswalkEntry> crosswalk = new CustomerMatcher().match(readRecords(generated));
    Map<String, String> truth = new HashMap<>();
    readCsv(
        generated.resolve("ground-truth/account-identity.csv"),
        StandardCharsets.UTF_8,
        row ->
            truth.put(
                row.get("source_system") + ":" + row.get("source_id"), row.get("company_id")));
    return score(crosswalk, truth);
  }

  /** Pairwise scores of a crosswalk against the true company of every record key. */
  static Result score(List<CrosswalkEntry> crosswalk, Map<String, String> companyOfRecord) {
    Map<String, Long> perCluster = new HashMap<>();
    Map<String, Long> perCompany = new HashMap<>();
    Map<String, Long> perCell = new HashMap<>();
    for (CrosswalkEntry entry : crosswalk) {
      String key = entry.source().code() + ":" + entry.recordId();
      String company = companyOfRecord.get(key);
      if (company == null) {
        throw new IllegalArgumentException("the ground truth has no company for " + key);
      }
      perCluster.merge(entry.unifiedCustomerId(), 1L, Long::sum);
      perCompany.merge(company, 1L, Long::sum);
      perCell.merge(entry.unifiedCustomerId() + "|" + company, 1L, Long::sum);
    }
    return new Result(
        crosswalk.size(),
        perCluster.size(),
        perCompany.size(),
        pairs(perCluster),
        pairs(perCompany),
        pairs(perCell));
  }

  /** The CRM accounts (with their contacts), ERP customers and chat contacts of the files. */
  public static List<IdentityRecord> readRecords(Path generated) {
    Map<String, List<IdentityRecords.AccountContact>> contacts = new HashMap<>();
    readCsv(
        generated.resolve("crm/contacts.csv"),
        StandardCharsets.UTF_8,
        row ->
            contacts
                .computeIfAbsent(row.get("account_id"), a -> new ArrayList<>())
                .add(
                    new IdentityRecords.AccountContact(
                        row.get("account_id"),
                        value(row, "phone"),
                        value(row, "wecom_external_userid"))));
    List<IdentityRecord> records = new ArrayList<>();
    readCsv(
        generated.resolve("crm/accounts.csv"),
        GBK,
        row ->
            records.add(
                IdentityRecords.crmAccount(
                    row.get("account_id"),
                    row.get("account_name"),
                    value(row, "unified_social_credit_code"),
                    value(row, "phone"),
                    value(row, "email"),
                    value(row, "region_name"),
                    value(row, "city"),
                    contacts.getOrDefault(row.get("account_id"), List.of()))));
    readCsv(
        generated.resolve("erp/customers.csv"),
        StandardCharsets.UTF_8,
        row ->
            records.add(
                IdentityRecords.erpCustomer(
                    row.get("customer_code"),
                    row.get("customer_name"),
                    value(row, "unified_social_credit_code"),
                    value(row, "phone"),
                    value(row, "email"),
                    value(row, "region_name"),
                    value(row, "address"))));
    ObjectMapper json = new ObjectMapper();
    Path chat = generated.resolve("chat/contacts.jsonl");
    try (BufferedReader reader = Files.newBufferedReader(chat, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode contact = json.readTree(line);
        records.add(
            IdentityRecords.chatContact(
                contact.get("external_userid").asText(),
                text(contact, "name"),
                text(contact, "corp_name"),
                text(contact, "mobile")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + chat, e);
    }
    return records;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: IdentityEvaluation GENERATED_DIR");
    }
    System.out.println(evaluate(Path.of(args[0])));
  }

  private static long pairs(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  private static Optional<String> value(CSVRecord row, String column) {
    String value = row.get(column);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(value.asText());
  }

  private static void readCsv(Path file, Charset charset, Consumer<CSVRecord> rows) {
    try (Reader reader = Files.newBufferedReader(file, charset)) {
      for (CSVRecord row : CSV.parse(reader)) {
        rows.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
