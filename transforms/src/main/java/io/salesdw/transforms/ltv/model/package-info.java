/**
 * Customer-lifetime-value models in plain Java: BG/NBD for repeat purchases, Gamma-Gamma for spend,
 * and their combination into a discounted expected value per customer.
 *
 * <h2>Input</h2>
 *
 * <p>{@link io.salesdw.transforms.ltv.model.TransactionSummaries} reduces a transaction log
 * (customer, date, amount; read from CSV by {@link io.salesdw.transforms.ltv.model.TransactionCsv})
 * to one recency-frequency-monetary summary per customer, with the conventions of the lifetimes
 * Python package: purchases on the same day are one purchase; the frequency x counts purchase days
 * after the first; the recency t<sub>x</sub> runs from the first to the last purchase and the age T
 * from the first purchase to the end of the calibration period, in days, weeks or months (a month
 * is 365.2425/12 days); the monetary value is the mean of the repeat purchases' values, 0 when x =
 * 0. {@code calibrationAndHoldout} also counts each customer's purchase days in a later holdout
 * period.
 *
 * <h2>Models</h2>
 *
 * <ul>
 *   <li>{@link io.salesdw.transforms.ltv.model.BgNbdModel}: Fader, Hardie and Lee, "Counting Your
 *       Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2),
 *       2005. The likelihood is their eq. 6, the expected purchases of a new customer eq. 9, the
 *       conditional expectation E[Y(t) | x, t<sub>x</sub>, T] eq. 10, and P(alive) the ratio of the
 *       two terms of eq. 6 (1 when x = 0). Eq. 10's Gauss hypergeometric function is summed as a
 *       series after Euler's transformation, which keeps it convergent and free of overflow when
 *       t/(alpha+T+t) nears 1 or x is large.
 *   <li>{@link io.salesdw.transforms.ltv.model.GammaGammaModel}: Fader, Hardie and Lee, "RFM and
 *       CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research
 *       42(4), 2005, and Fader and Hardie's note "The Gamma-Gamma Model of Monetary Value". Fitted
 *       on customers with x &gt; 0; the conditional expected spend is (v + m x) p / (p x + q - 1).
 *   <li>{@link io.salesdw.transforms.ltv.model.CustomerLifetimeValue}: as lifetimes' {@code
 *       customer_lifetime_value}, the sum over months k = 1..H of the expected purchases in month k
 *       times the expected spend, discounted by (1 + d)<sup>k</sup>.
 * </ul>
 *
 * <h2>Fitting</h2>
 *
 * <p>Both models are fitted by maximum likelihood with Nelder-Mead (commons-math) on the logarithms
 * of the parameters, which keeps them positive without bounds; runs are restarted from the best
 * point until one no longer improves the likelihood. On the CDNOW sample used in the papers (2,357
 * customers, weeks, 39-week calibration) the fit reproduces the published r = 0.243, alpha = 4.414,
 * a = 0.793, b = 2.426, LL = -9582.4, and p = 6.25, q = 3.74, v = 15.44, to within 1 %.
 *
 * <h2>Validation</h2>
 *
 * <p>{@link io.salesdw.transforms.ltv.model.HoldoutValidation} fits on the calibration period,
 * forecasts each customer's repeat purchases in the holdout period with eq. 10, and reports the
 * mean absolute error per customer and the error of the total, next to a naive baseline that
 * extrapolates each customer's calibration rate x / T. On CDNOW (39 + 39 weeks) the model's total
 * is much closer than the baseline's, which ignores that customers drop out.
 */
package io.salesdw.transforms.ltv.model;
