package io.salesdw.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to generate: the scale (1 = one year of a 150-rep organisation), the seed, the simulated
 * year, where to write, and whether to add erp/erp.sql. The same scale, seed and year always give
 * byte-identical files.
 *
 * @param scale volume multiplier in (0, {@value #MAX_SCALE}]; counts grow linearly
 * @param seed seed of every random stream
 * @param year the simulated fiscal year, {@value #MIN_YEAR} to {@value #MAX_YEAR}
 * @param outputDirectory directory to write into (created if missing)
 * @param writeErpSql whether to write erp/erp.sql (PostgreSQL 15 DDL and INSERTs)
 */
public record GeneratorConfig(
    double scale, long seed, int year, Path outputDirectory, boolean writeErpSql) {
  /** Default scale: one year of a 150-rep organisation. */
  public static final double DEFAULT_SCALE = 1.0;

  /** The scale must be greater than this. */
  public static final double MIN_SCALE_EXCLUSIVE = 0.0;

  /** Largest scale (about ten times scale 1's 2 GB of output would not be useful). */
  public static final double MAX_SCALE = 10.0;

  /** Default seed. */
  public static final long DEFAULT_SEED = 42;

  /** Default simulated year. */
  public static final int DEFAULT_YEAR = 2025;

  /** Earliest year that can be simulated. */
  public static final int MIN_YEAR = 2000;

  /** Latest year that can be simulated. */
  public static final int MAX_YEAR = 2100;

  /** By default erp/erp.sql is not written. */
  public static final boolean DEFAULT_WRITE_ERP_SQL = false;

  public GeneratorConfig {
    requireNonNull(outputDirectory, "outputDirectory is null");
    if (!(scale > MIN_SCALE_EXCLUSIVE && scale <= MAX_SCALE)) {
      throw GeneratorErrors.invalidScale(scale);
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw GeneratorErrors.invalidYear(year);
    }
  }

  /** The defaults (scale 1, seed 42, year 2025, no SQL) writing to {@code outputDirectory}. */
  public static GeneratorConfig defaults(Path outputDirectory) {
    return new GeneratorConfig(
        DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_YEAR, outputDirectory, DEFAULT_WRITE_ERP_SQL);
  }
}
