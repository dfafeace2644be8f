/**
 * Commission calculation in pure Java: the commission a rep earns on each received deal payment
 * under the configured {@link io.salesdw.transforms.CommissionRules}, with the calculation path
 * that explains it. The commission mart collects its (few) payment rows and calls {@link
 * io.salesdw.transforms.incentives.CommissionCalculator}.
 */
package io.salesdw.transforms.incentives;
