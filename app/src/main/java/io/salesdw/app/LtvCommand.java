package io.salesdw.app;

import io.salesdw.transforms.ltv.model.BgNbdModel;
import io.salesdw.transforms.ltv.model.BgNbdParameters;
import io.salesdw.transforms.ltv.model.CalibrationHoldoutSplit;
import io.salesdw.transforms.ltv.model.CustomerTransaction;
import io.salesdw.transforms.ltv.model.CustomerTransactionSummary;
import io.salesdw.transforms.ltv.model.GammaGammaModel;
import io.salesdw.transforms.ltv.model.GammaGammaParameters;
import io.salesdw.transforms.ltv.model.HoldoutScore;
import io.salesdw.transforms.ltv.model.HoldoutValidation;
import io.salesdw.transforms.ltv.model.PeriodUnit;
import io.salesdw.transforms.ltv.model.TransactionCsv;
import io.salesdw.transforms.ltv.model.TransactionSummaries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Customer-lifetime-value models fitted on a transaction log, without Spark. */
@Command(
    mixinStandardHelpOptions = true,
    name = "ltv",
    description =
        "Customer lifetime value: fit the BG/NBD purchase and Gamma-Gamma spend models on a"
            + " transaction log (plain Java, no Spark).",
    subcommands = {LtvCommand.Fit.class})
final class LtvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Fits the models on a CSV transaction log and checks them on a holdout period. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "fit",
      description = {
        "Read a CSV transaction log (header line; one row per purchase), summarise each customer"
            + " (purchases on the same day are one; the first purchase is not a repeat), and fit"
            + " BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma by maximum likelihood on the"
            + " calibration period.",
        "The models are then checked on the holdout period (calibration end, holdout end]: mean"
            + " absolute error per customer and error of the total repeat purchases, next to a"
            + " naive baseline that extrapolates each customer's rate x/T. By default the"
            + " calibration period ends halfway between the first and last transaction dates and"
            + " the holdout runs to the last date."
      })
  static final class Fit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Option(names = "--input", required = true, description = "CSV file of transactions.")
    Path input;

    @Option(names = "--customer", required = true, description = "Column of the customer id.")
    String customerColumn;

    @Option(names = "--date", required = true, description = "Column of the purchase date.")
    String dateColumn;

    @Option(names = "--amount", required = true, description = "Column of the purchase amount.")
    String amountColumn;

    @Option(
        names = "--date-format",
        defaultValue = "yyyy-MM-dd",
        description =
            "Pattern of the dates, e.g. yyyy-MM-dd or yyyyMMdd (default: ${DEFAULT-VALUE}).")
    String dateFormat;

    @Option(
        names = "--time-unit",
        defaultValue = "weeks",
        converter = UnitConverter.class,
        paramLabel = "days|weeks|months",
        description = "Unit of recency, age and alpha (default: ${DEFAULT-VALUE}).")
    PeriodUnit unit;

    @Option(
        names = "--calibration-end",
        paramLabel = "yyyy-mm-dd",
        description =
            "Last day of the calibration period (default: halfway between the first and last"
                + " transaction dates).")
    LocalDate calibrationEnd;

    @Option(
        names = "--holdout-end",
        paramLabel = "yyyy-mm-dd",
        description =
            "Last day of the holdout period (default: the last transaction date; no holdout when"
                + " that is not after the calibration end).")
    LocalDate holdoutEnd;

    @Option(names = "--json", description = "Print the fit as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
      Console console = consoleOptions.console(spec);
      console.progress("reading " + input);
      List<CustomerTransaction> transactions =
          TransactionCsv.read(
              input,
              new TransactionCsv.Columns(customerColumn, dateColumn, amountColumn),
              dateFormat);
      LocalDate first =
          transactions.stream()
              .map(CustomerTransaction::date)
              .min(LocalDate::compareTo)
              .orElseThrow();
      LocalDate last =
          transactions.stream()
              .map(CustomerTransaction::date)
              .max(LocalDate::compareTo)
              .orElseThrow();
      // Halfway, rounded down to a whole day, so that half the observed span is left to check on.
      LocalDate calibration =
          calibrationEnd != null
              ? calibrationEnd
              : first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
      LocalDate holdout = holdoutEnd != null ? holdoutEnd : last;
      Optional<CalibrationHoldoutSplit> split =
          holdoutEnd != null || holdout.isAfter(calibration)
              ? Optional.of(
                  TransactionSummaries.calibrationAndHoldout(
                      transactions, unit, calibration, holdout))
              : Optional.empty();
      List<CustomerTransactionSummary> customers =
          split
              .map(CalibrationHoldoutSplit::calibrationSummaries)
              .orElseGet(() -> TransactionSummaries.summarise(transactions, unit, calibration));
      console.progress(
          String.format(
              Locale.ROOT,
              "%s transactions, %s customers in the calibration period %s to %s",
              Console.count(transactions.size()),
              Console.count(customers.size()),
              first,
              calibration));

      console.progress("fitting BG/NBD");
      BgNbdModel purchases = BgNbdModel.fit(customers);
      double purchasesLogLikelihood = purchases.logLikelihood(customers);
      console.progress("fitting Gamma-Gamma");
      GammaGammaModel spend = GammaGammaModel.fit(customers);
      double spendLogLikelihood = spend.logLikelihood(customers);
      int spenders = GammaGammaModel.spenders(customers).size();
      Optional<HoldoutScore> score = split.map(s -> HoldoutValidation.score(purchases, s));

      Fitted fitted =
          new Fitted(
              first,
              calibration,
              split.map(CalibrationHoldoutSplit::holdoutEnd),
              transactions.size(),
              customers.size(),
              purchases.parameters(),
              purchasesLogLikelihood,
              spend.parameters(),
              spendLogLikelihood,
              spenders,
              score);
      if (json) {
        JsonOutput.print(console, asJson(fitted));
      } else {
        print(console, fitted);
      }
      return ExitCode.OK;
    }

    private record Fitted(
        LocalDate firstDate,
        LocalDate calibrationEnd,
        Optional<LocalDate> holdoutEnd,
        int transactions,
        int customers,
        BgNbdParameters purchases,
        double purchasesLogLikelihood,
        GammaGammaParameters spend,
        double spendLogLikelihood,
        int spenders,
        Optional<HoldoutScore> holdout) {}

    private Map<String, Object> asJson(Fitted fitted) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("input", input.toAbsolutePath().toString());
      document.put("timeUnit", unit.label());
      document.put("firstDate", fitted.firstDate().toString());
      document.put("calibrationEnd", fitted.calibrationEnd().toString());
      document.put("holdoutEnd", fitted.holdoutEnd().map(LocalDate::toString).orElse(null));
      document.put("transactions", fitted.transactions());
      document.put("customers", fitted.customers());
      Map<String, Object> bgNbd = new LinkedHashMap<>();
      bgNbd.put("r", fitted.purchases().r());
      bgNbd.put("alpha", fitted.purchases().alpha());
      bgNbd.put("a", fitted.purchases().a());
      bgNbd.put("b", fitted.purchases().b());
      bgNbd.put("logLikelihood", fitted.purchasesLogLikelihood());
      document.put("bgNbd", bgNbd);
      Map<String, Object> gammaGamma = new LinkedHashMap<>();
      gammaGamma.put("p", fitted.spend().p());
      gammaGamma.put("q", fitted.spend().q());
      gammaGamma.put("v", fitted.spend().v());
      gammaGamma.put("logLikelihood", fitted.spendLogLikelihood());
      gammaGamma.put("customers", fitted.spenders());
      document.put("gammaGamma", gammaGamma);
      document.put("holdout", fitted.holdout().map(Fit::holdoutJson).orElse(null));
      return document;
    }

    private static Map<String, Object> holdoutJson(HoldoutScore score) {
      Map<String, Object> holdout = new LinkedHashMap<>();
      holdout.put("customers", score.customers());
      holdout.put("length", score.holdoutLength());
      holdout.put("actualRepeatPurchases", score.actualTotal());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("forecast", score.modelTotal());
      model.put("totalError", score.modelTotalError());
      model.put("meanAbsoluteError", score.modelMae());
      holdout.put("model", model);
      Map<String, Object> baseline = new LinkedHashMap<>();
      baseline.put("forecast", score.baselineTotal());
      baseline.put("totalError", score.baselineTotalError());
      baseline.put("meanAbsoluteError", score.baselineMae());
      holdout.put("baseline", baseline);
      return holdout;
    }

    private void print(Console console, Fitted fitted) {
      console.result(
          String.format(
              Locale.ROOT,
              "calibration %s to %s (%s): %d customers, %d with repeat purchases",
              fitted.firstDate(),
              fitted.calibrationEnd(),
              unit.label(),
              fitted.customers(),
              fitted.spenders()));
      BgNbdParameters p = fitted.purchases();
      console.result(
          String.format(
              Locale.ROOT,
              "BG/NBD       r = %.4f  alpha = %.4f  a = %.4f  b = %.4f  log-likelihood = %.2f",
              p.r(),
              p.alpha(),
              p.a(),
              p.b(),
              fitted.purchasesLogLikelihood()));
      GammaGammaParameters g = fitted.spend();
      console.result(
          String.format(
              Locale.ROOT,
              "Gamma-Gamma  p = %.4f  q = %.4f  v = %.4f  log-likelihood = %.2f",
              g.p(),
              g.q(),
              g.v(),
              fitted.spendLogLikelihood()));
      if (fitted.holdout().isEmpty()) {
        console.result("holdout      none: no transactions after the calibration end");
        return;
      }
      HoldoutScore score = fitted.holdout().get();
      console.result(
          String.format(
              Locale.ROOT,
              "holdout      to %s (%.2f %s): %d actual repeat purchases",
              fitted.holdoutEnd().get(),
              score.holdoutLength(),
              unit.label(),
              score.actualTotal()));
      console.result(
          String.format(
              Locale.ROOT,
              "  model      forecast %.1f  total error %+.1f  mean absolute error %.3f",
              score.modelTotal(),
              score.modelTotalError(),
              score.modelMae()));
      console.result(
          String.format(
              Locale.ROOT,
              "  baseline   forecast %.1f  total error %+.1f  mean absolute error %.3f",
              score.baselineTotal(),
              score.baselineTotalError(),
              score.baselineMae()));
    }
  }

  /** days, weeks or months, in any case. */
  static final class UnitConverter implements ITypeConverter<PeriodUnit> {
    @Override
    public PeriodUnit convert(String value) {
      for (PeriodUnit unit : PeriodUnit.values()) {
        if (unit.label().equalsIgnoreCase(value.strip())) {
          return unit;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a time unit; use one of "
              + Arrays.stream(PeriodUnit.values())
                  .map(PeriodUnit::label)
                  .collect(Collectors.joining(", ")));
    }
  }
}
