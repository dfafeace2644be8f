package io.salesdw.transforms.ltv.model;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters by Nelder-Mead on their logarithms,
 * so that the search never leaves the parameter space and needs no bounds.
 */
final class LogScaleMaximumLikelihood {
  /** Stop a Nelder-Mead run when the log-likelihood changes by less than this, relatively. */
  private static final double RELATIVE_CHANGE = 1e-12;

  private static final double ABSOLUTE_CHANGE = 1e-10;

  /** Side of the starting simplex, in log units: each parameter starts e times up or down. */
  private static final double SIMPLEX_SIDE = 1.0;

  private static final int MAX_EVALUATIONS_PER_RUN = 20_000;

  /**
   * Nelder-Mead can stall on a ridge with a collapsed simplex; restarting from the best point with
   * a fresh simplex until a run no longer improves is the usual remedy.
   */
  private static final int MAX_RUNS = 8;

  /** Far beyond any sensible parameter (e^30 ~ 1e13): treated as outside the parameter space. */
  private static final double MAX_ABS_LOG = 30.0;

  /** The maximum found, with the parameters back on their natural scale. */
  record Maximum(double[] parameters, double logLikelihood, int evaluations) {
    Maximum {
      parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
      return parameters.clone();
    }
  }

  private LogScaleMaximumLikelihood() {}

  /**
   * Maximises {@code logLikelihood} from {@code start} (natural scale, all positive).
   *
   * @param model the model's name, for the error when no maximum is found
   */
  static Maximum maximise(String model, ToDoubleFunction<double[]> logLikelihood, double[] start) {
    ObjectiveFunction objective =
        new ObjectiveFunction(
            logs -> {
              double[] parameters = new double[logs.length];
              for (int i = 0; i < logs.length; i++) {
                if (!(Math.abs(logs[i]) <= MAX_ABS_LOG)) {
                  return Double.NEGATIVE_INFINITY;
                }
                parameters[i] = Math.exp(logs[i]);
              }
              double value = logLikelihood.applyAsDouble(parameters);
              // NaN would poison the simplex's ordering; it marks an invalid point like -inf.
              return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
            });
    double[] point = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      point[i] = Math.log(start[i]);
    }
    double best = Double.NEGATIVE_INFINITY;
    int evaluations = 0;
    for (int run = 0; run < MAX_RUNS; run++) {
      SimplexOptimizer optimizer =
          new SimplexOptimizer(new SimpleValueChecker(RELATIVE_CHANGE, ABSOLUTE_CHANGE));
      PointValuePair result;
      try {
        result =
            optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS_PER_RUN),
                objective,
                GoalType.MAXIMIZE,
                new InitialGuess(point),
                new NelderMeadSimplex(point.length, SIMPLEX_SIDE));
      } catch (TooManyEvaluationsException e) {
        throw LtvErrors.fitDidNotConverge(model, MAX_EVALUATIONS_PER_RUN, e);
      }
      evaluations += optimizer.getEvaluations();
      double value = result.getValue();
      if (!Double.isFinite(value)) {
        throw LtvErrors.fitDidNotConverge(model, evaluations, null);
      }
      boolean improved =
          value > best + Math.max(ABSOLUTE_CHANGE, RELATIVE_CHANGE * Math.abs(value));
      point = result.getPoint();
      best = Math.max(best, value);
      if (!improved) {
        break;
      }
    }
    double[] parameters = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      parameters[i] = Math.exp(point[i]);
    }
    return new Maximum(parameters, best, evaluations);
  }
}
