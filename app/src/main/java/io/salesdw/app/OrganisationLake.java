package io.salesdw.app;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.IngestResult;
import io.salesdw.ingestion.IngestionSparkSession;
import io.salesdw.ingestion.identity.CustomerIdentityJob;
import io.salesdw.ingestion.identity.CustomerIdentitySummary;
import io.salesdw.transforms.GoldBuild;
import io.salesdw.transforms.GoldBuildRequest;
import io.salesdw.transforms.GoldBuildResult;
import io.salesdw.transforms.GoldHeadlines;
import io.salesdw.transforms.TransformConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The chain from a generated organisation to its gold layer, on Spark local: generate the exports,
 * land CRM, ERP and chat, match one customer identity, build gold. Each step is idempotent, so a
 * second build of the same organisation into the same lake lands and builds nothing. The demo runs
 * it, and so does a benchmark that needs a lake of some scale.
 */
final class OrganisationLake {
  /** The steps, in order, for progress. */
  enum Step {
    GENERATE("generate the CRM, ERP and chat exports"),
    LAND("land crm, erp and chat in the lake (Spark local)"),
    IDENTITY("match one customer identity across CRM, ERP and chat"),
    GOLD("build the gold star schemas and marts");

    private final String description;

    Step(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /** What a build made. */
  record Built(
      GenerationResult generated,
      List<IngestResult> landed,
      CustomerIdentitySummary identity,
      GoldBuildResult gold,
      GoldHeadlines headlines) {}

  private OrganisationLake() {}

  /**
   * Builds the lake of the organisation {@code config} generates.
   *
   * @param lake the lake's root
   * @param steps told as each step starts
   */
  static Built build(GeneratorConfig config, String lake, Console console, Consumer<Step> steps) {
    steps.accept(Step.GENERATE);
    GenerationResult generated = SourceGeneration.generate(config, console);
    steps.accept(Step.LAND);
    SparkSession spark = IngestionSparkSession.create(IngestionSparkSession.DEFAULT_MASTER);
    try {
      BronzeIngestion ingestion = new BronzeIngestion(spark);
      List<IngestResult> landed = new ArrayList<>();
      for (SourceSystem source : SourceSystem.values()) {
        landed.add(
            ingestion.run(
                new IngestRequest(
                    source,
                    config.outputDirectory().resolve(source.code()),
                    lake,
                    Optional.empty()),
                line -> console.progress("  " + line)));
      }
      steps.accept(Step.IDENTITY);
      CustomerIdentitySummary identity = CustomerIdentityJob.run(spark, lake);
      steps.accept(Step.GOLD);
      GoldBuildResult gold =
          new GoldBuild(spark, TransformConfig.defaults())
              .run(GoldBuildRequest.allMonths(lake), TransformCommand.progressOn(console));
      return new Built(generated, landed, identity, gold, GoldHeadlines.read(spark, lake));
    } finally {
      spark.stop();
    }
  }
}
