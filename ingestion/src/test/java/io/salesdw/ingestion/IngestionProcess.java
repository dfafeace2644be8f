package io.salesdw.ingestion;

import io.salesdw.contracts.SourceSystem;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * One ingestion in a JVM of its own, for {@link KilledIngestionIT}: prints every progress line to
 * standard output as it happens, so the test can kill the process right after a chosen commit.
 *
 * <p>Arguments: source, input directory, lake root.
 */
final class IngestionProcess {
  private IngestionProcess() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SourceSystem source = SourceSystem.valueOf(args[0].toUpperCase(Locale.ROOT));
    SparkSession spark = IngestionSparkSession.create(IngestionSparkSession.DEFAULT_MASTER);
    IngestResult result =
        new BronzeIngestion(spark)
            .run(
                new IngestRequest(source, Path.of(args[1]), args[2], Optional.empty()),
                out::println);
    out.println("FINISHED " + result.status());
    spark.stop();
  }
}
