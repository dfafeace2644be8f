package io.salesdw.generator;

import static java.util.Objects.requireNonNull;

import io.salesdw.generator.chat.ChatArchive;
import io.salesdw.generator.crm.AccountBook;
import io.salesdw.generator.crm.Activities;
import io.salesdw.generator.crm.ChangeFeed;
import io.salesdw.generator.crm.CrmFiles;
import io.salesdw.generator.crm.Lead;
import io.salesdw.generator.crm.LeadSimulation;
import io.salesdw.generator.crm.Opportunity;
import io.salesdw.generator.crm.OpportunitySimulation;
import io.salesdw.generator.erp.ErpBooks;
import io.salesdw.generator.erp.ErpCustomers;
import io.salesdw.generator.erp.ErpFiles;
import io.salesdw.generator.manifest.ManifestWriter;
import io.salesdw.generator.market.Market;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Volumes;
import io.salesdw.generator.output.OutputErrors;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.output.WrittenFile;
import io.salesdw.generator.random.EntityRandom;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.world.World;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates one simulated year of a sales organisation as its source systems export it — CRM CSVs
 * and change feed, ERP CSVs (and optionally SQL), the WeCom chat archive — with defects injected at
 * known rates and the ground truth beside them. See generator/FORMAT.md for the files.
 */
public final class SalesOrganisationGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(SalesOrganisationGenerator.class);

  private final GeneratorConfig config;

  public SalesOrganisationGenerator(GeneratorConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /** Writes every file into the configured directory and reports each step to {@code progress}. */
  public GenerationResult generate(GenerationProgress progress) {
    requireNonNull(progress, "progress is null");
    long started = System.nanoTime();
    OutputDirectory.prepare(config.outputDirectory());
    OutputLedger ledger = new OutputLedger(config.outputDirectory());
    Run run = new Run(ledger, progress);

    Volumes volumes = Volumes.forScale(config.scale());
    SalesCalendar calendar = new SalesCalendar(config.year());
    EntityRandom random = new EntityRandom(config.seed());
    Organisation organisation = Organisation.build(volumes, random, calendar);
    World world =
        new World(
            volumes,
            calendar,
            random,
            organisation,
            Market.build(volumes, organisation, random, calendar));

    // The whole CRM year is simulated first; the steps below write it out.
    List<Lead> leads = new ArrayList<>();
    AccountBook[] books = new AccountBook[1];
    List<Opportunity> opportunities = new ArrayList<>();
    Activities[] plans = new Activities[1];
    run.step(
        "simulation",
        () -> {
          leads.addAll(LeadSimulation.simulate(world));
          books[0] = AccountBook.build(world, leads);
          opportunities.addAll(OpportunitySimulation.simulate(world, leads, books[0]));
          plans[0] = Activities.plan(world, leads, books[0], opportunities);
          return 0;
        });
    AccountBook book = books[0];
    Activities activities = plans[0];
    CrmFiles crm = new CrmFiles(world, ledger, leads, opportunities, book);
    run.step("organisation", crm::writeOrganisation);
    run.step("leads", crm::writeLeads);
    run.step("opportunities", crm::writeOpportunities);
    run.step("accounts", crm::writeAccounts);
    run.step("activities", () -> crm.writeActivities(activities));
    run.step("forecasts", crm::writeForecastsAndTargets);
    run.step(
        "changes", () -> new ChangeFeed(world, ledger, crm, leads, opportunities, book).write());

    String[] opportunityIds = opportunities.stream().map(Opportunity::id).toArray(String[]::new);
    ErpBooks[] erp = new ErpBooks[1];
    run.step(
        "erp",
        () -> {
          erp[0] = new ErpBooks(world, opportunities, opportunityIds);
          return new ErpFiles(world, ledger, erp[0]).write(config.writeErpSql());
        });
    ChatArchive[] chat = new ChatArchive[1];
    run.step(
        "chat",
        () -> {
          chat[0] = new ChatArchive(world, ledger, activities, book, opportunities, opportunityIds);
          return chat[0].write();
        });

    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("regions", (long) organisation.regions().size());
    counts.put("teams", (long) organisation.teams().size());
    counts.put("reps", (long) organisation.reps().size());
    counts.put("companies", (long) world.market().companies().size());
    counts.put("accounts", (long) book.accounts().size());
    counts.put("contacts", (long) book.contacts().size());
    counts.put("leads", (long) leads.size());
    counts.put("opportunities", opportunities.stream().filter(o -> !o.deleted()).count());
    counts.put(
        "deleted_opportunities", opportunities.stream().filter(Opportunity::deleted).count());
    counts.put("activities", (long) activities.size());
    run.step(
        "manifest",
        () -> {
          long rows = IdentityWriter.write(world, ledger, book, new ErpCustomers(erp[0]), chat[0]);
          ManifestWriter.write(
              ledger, config.seed(), config.scale(), config.year(), config.writeErpSql(), counts);
          return rows;
        });

    List<GeneratedFile> files = new ArrayList<>();
    for (WrittenFile file : ledger.files()) {
      files.add(new GeneratedFile(file.relativePath(), file.encoding(), file.rows(), file.bytes()));
    }
    try {
      files.add(
          new GeneratedFile(
              "manifest.json", "UTF-8", 1, Files.size(ledger.resolve("manifest.json"))));
    } catch (IOException e) {
      throw OutputErrors.cannotWrite(ledger.resolve("manifest.json"), e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "Generated {} files into {} in {} ms",
        files.size(),
        config.outputDirectory(),
        elapsed.toMillis());
    return new GenerationResult(config.outputDirectory(), files, elapsed);
  }

  /** Runs named steps, timing each and telling the progress listener. */
  private static final class Run {
    private final OutputLedger ledger;
    private final GenerationProgress progress;

    Run(OutputLedger ledger, GenerationProgress progress) {
      this.ledger = ledger;
      this.progress = progress;
    }

    void step(String name, LongSupplier work) {
      progress.stepStarted(name);
      long started = System.nanoTime();
      long rows = work.getAsLong();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      LOG.debug(
          "Step {} wrote {} rows in {} ms under {}", name, rows, elapsed.toMillis(), ledger.root());
      progress.stepFinished(name, rows, elapsed);
    }
  }
}
